import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { asCode, suggestCode } from './suggest-code.ts';

interface NameAndCode {
  name: string;
  code: string;
}

/**
 * A name and the stable code suggested from it, as every console "new …" form asks for them:
 * the code follows the name until the lead types one of their own.
 */
export function NameAndCodeFields<Values extends NameAndCode>({
  form,
  codeLength,
  nameDescription,
  namePlaceholder,
  codeDescription,
  codePlaceholder,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: the form's own transform is not ours to know
  form: UseFormReturnType<Values, any>;
  codeLength?: number;
  nameDescription?: string;
  namePlaceholder?: string;
  codeDescription: string;
  codePlaceholder?: string;
}) {
  const values = form.getValues();
  const setField = form.setFieldValue as (path: 'name' | 'code', value: string) => void;
  return (
    <>
      <TextInput
        label="Name"
        description={nameDescription}
        placeholder={namePlaceholder}
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
        onChange={(event) => {
          const name = event.currentTarget.value;
          if (values.code === suggestCode(values.name, codeLength)) {
            setField('code', suggestCode(name, codeLength));
          }
          setField('name', name);
        }}
      />
      <TextInput
        label="Code"
        description={codeDescription}
        placeholder={codePlaceholder}
        withAsterisk
        ff="monospace"
        {...form.getInputProps('code')}
        onChange={(event) => setField('code', asCode(event.currentTarget.value))}
      />
    </>
  );
}
