import '@switchboard/ui/testing/setup';
