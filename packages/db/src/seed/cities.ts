import type { Random, Weighted } from './random.ts';

/**
 * The cities the demo operator runs in: what their people are called, where trips start and
 * end, what a fare costs and how phone numbers and plates look. Everything the generator
 * writes about a city comes from here.
 */

export type CityCode = 'LIS' | 'DXB' | 'MEX' | 'LON';

export interface CityProfile {
  code: CityCode;
  name: string;
  countryCode: string;
  timeZone: string;
  currency: string;
  /** Support languages, the local one first. */
  languages: string[];
  /** Standard-time offset; only shapes the daily volume curve, so daylight saving is ignored. */
  utcOffsetHours: number;
  currencySymbol: string;
  airports: readonly string[];
  places: readonly string[];
  /** Fare ranges in major units. */
  fares: { ride: readonly [number, number]; airport: readonly [number, number] };
  flights: readonly string[];
  cars: readonly string[];
  guestFirstNames: readonly string[];
  guestLastNames: readonly string[];
  /** Visitors: most airport guests are not locals. */
  visitorFirstNames: readonly string[];
  visitorLastNames: readonly string[];
  driverFirstNames: readonly string[];
  driverLastNames: readonly string[];
  emailDomains: readonly string[];
  guestLocales: Weighted<string>;
  driverLocales: Weighted<string>;
  /** Share of guests who are visitors rather than locals. */
  visitorShare: number;
  phone(random: Random): string;
  plate(random: Random): string;
}

const VISITOR_FIRST = [
  'Emma',
  'Oliver',
  'Sophie',
  'James',
  'Hannah',
  'Lukas',
  'Chloé',
  'Marco',
  'Ingrid',
  'Daniel',
  'Aisha',
  'Ravi',
  'Yuki',
  'Chen',
  'Olivia',
  'Noah',
  'Isabelle',
  'Pieter',
  'Katarzyna',
  'Ethan',
  'Grace',
  'Mateo',
  'Freya',
  'Liam',
  'Amelia',
  'Jonas',
  'Elena',
  'Tom',
  'Sara',
  'Michael',
];
const VISITOR_LAST = [
  'Smith',
  'Müller',
  'Johansson',
  'Rossi',
  'Dubois',
  'Kowalski',
  'Tanaka',
  'Wang',
  'Patel',
  'Brown',
  'Van Dijk',
  'Schneider',
  'Murphy',
  "O'Connor",
  'Nielsen',
  'Novak',
  'Garcia',
  'Kim',
  'Wilson',
  'Taylor',
  'Fischer',
  'Bianchi',
  'Lindqvist',
  'Anderson',
  'Cohen',
  'Fernández',
];

function groupDigits(random: Random, groups: readonly number[]): string {
  return groups.map((size) => random.digits(size)).join(' ');
}

export const CITIES: readonly CityProfile[] = [
  {
    code: 'LIS',
    name: 'Lisbon',
    countryCode: 'PT',
    timeZone: 'Europe/Lisbon',
    currency: 'EUR',
    languages: ['pt-PT', 'en'],
    utcOffsetHours: 0,
    currencySymbol: '€',
    airports: [
      'Lisbon Airport (LIS) Terminal 1 Arrivals',
      'Lisbon Airport (LIS) Terminal 1, Kiss & Fly',
      'Lisbon Airport (LIS) Terminal 2',
    ],
    places: [
      'Praça do Comércio',
      'Rossio Station',
      'Oriente Station, Av. Dom João II',
      'Cais do Sodré Station',
      'Avenida da Liberdade 185',
      'LX Factory, Rua Rodrigues de Faria 103',
      'Belém Tower',
      'Alfama, Largo do Chafariz de Dentro',
      'Parque das Nações, Alameda dos Oceanos',
      'Hotel Avenida Palace, Rua 1º de Dezembro 123',
      'Bairro Alto, Rua da Rosa 112',
      'Cascais Marina',
      'Sintra, Palácio Nacional',
      'Campo Pequeno',
      'Estádio da Luz',
      'Santa Apolónia Cruise Terminal',
      'Príncipe Real, Praça do Príncipe Real',
      'Marquês de Pombal',
    ],
    fares: { ride: [7, 32], airport: [22, 65] },
    flights: [
      'TP1351',
      'TP1045',
      'FR2142',
      'U27641',
      'BA500',
      'LH1166',
      'EK191',
      'TP202',
      'KL1691',
    ],
    cars: [
      'white Toyota Corolla',
      'grey Mercedes E-Class',
      'black Tesla Model 3',
      'silver Renault Mégane',
      'blue Peugeot 508',
      'black Mercedes V-Class',
    ],
    guestFirstNames: [
      'Ana',
      'João',
      'Maria',
      'Pedro',
      'Inês',
      'Tiago',
      'Beatriz',
      'Rui',
      'Catarina',
      'Miguel',
      'Sofia',
      'Duarte',
      'Mariana',
      'Francisco',
      'Leonor',
      'Gonçalo',
      'Carolina',
      'Nuno',
    ],
    guestLastNames: [
      'Silva',
      'Santos',
      'Ferreira',
      'Pereira',
      'Oliveira',
      'Costa',
      'Rodrigues',
      'Martins',
      'Sousa',
      'Fernandes',
      'Gonçalves',
      'Ribeiro',
      'Carvalho',
      'Lopes',
      'Marques',
      'Almeida',
    ],
    visitorFirstNames: VISITOR_FIRST,
    visitorLastNames: VISITOR_LAST,
    driverFirstNames: [
      'Paulo',
      'Ricardo',
      'Vítor',
      'Sérgio',
      'Carlos',
      'Hugo',
      'Bruno',
      'Marcos',
      'Thiago',
      'Rafael',
      'Luís',
      'Jorge',
      'Anderson',
      'Wesley',
      'Raj',
      'Sandeep',
      'Fábio',
      'Helena',
    ],
    driverLastNames: [
      'Mendes',
      'Correia',
      'Nunes',
      'Teixeira',
      'Moreira',
      'Azevedo',
      'Barbosa',
      'Cardoso',
      'Pinto',
      'Vieira',
      'Souza',
      'Lima',
      'Singh',
      'Rocha',
      'Tavares',
      'Monteiro',
    ],
    emailDomains: ['gmail.com', 'sapo.pt', 'hotmail.com', 'outlook.pt', 'icloud.com'],
    guestLocales: [
      ['pt-PT', 45],
      ['en', 55],
    ],
    driverLocales: [
      ['pt-PT', 85],
      ['en', 15],
    ],
    visitorShare: 0.5,
    phone: (random) =>
      `+351 9${random.pick(['1', '2', '3', '6'])}${random.digits(1)} ${groupDigits(random, [3, 3])}`,
    plate: (random) =>
      `${random.token(2, 'ABCDEFGHJKLMNPRSTUVXZ')}-${random.digits(2)}-${random.token(2, 'ABCDEFGHJKLMNPRSTUVXZ')}`,
  },
  {
    code: 'DXB',
    name: 'Dubai',
    countryCode: 'AE',
    timeZone: 'Asia/Dubai',
    currency: 'AED',
    languages: ['ar', 'en'],
    utcOffsetHours: 4,
    currencySymbol: 'AED ',
    airports: [
      'Dubai International Airport (DXB) Terminal 3 Arrivals',
      'Dubai International Airport (DXB) Terminal 1',
      'Dubai International Airport (DXB) Terminal 2',
      'Al Maktoum International Airport (DWC)',
    ],
    places: [
      'Dubai Marina, Marina Walk',
      'Burj Khalifa, Downtown Dubai',
      'The Dubai Mall, Fashion Avenue entrance',
      'Atlantis The Palm, Palm Jumeirah',
      'JBR, The Walk',
      'Dubai Creek Harbour',
      'Deira City Centre',
      'Business Bay, Bay Avenue',
      'Mall of the Emirates, Al Barsha',
      'Dubai World Trade Centre',
      'Al Fahidi Historical Neighbourhood',
      'Jumeirah Lake Towers, Cluster D',
      'DIFC, Gate Avenue',
      'La Mer, Jumeirah 1',
      'Dubai Hills Mall',
      'Madinat Jumeirah',
      'Expo City Dubai',
    ],
    fares: { ride: [25, 110], airport: [75, 320] },
    flights: ['EK2', 'EK412', 'FZ1453', 'EY301', 'BA107', 'QR1002', 'AI995', 'EK29', 'LH630'],
    cars: [
      'white Toyota Camry',
      'black Lexus ES',
      'grey Toyota Previa',
      'black Cadillac Escalade',
      'white Nissan Altima',
      'black GMC Yukon',
    ],
    guestFirstNames: [
      'Ahmed',
      'Fatima',
      'Mohammed',
      'Mariam',
      'Khalid',
      'Noura',
      'Rashid',
      'Hessa',
      'Saeed',
      'Aisha',
      'Omar',
      'Layla',
      'Hamdan',
      'Sara',
      'Yousef',
      'Reem',
    ],
    guestLastNames: [
      'Al Mansoori',
      'Al Nuaimi',
      'Al Hashimi',
      'Al Falasi',
      'Al Ketbi',
      'Al Suwaidi',
      'Haddad',
      'Khoury',
      'Nasser',
      'Saleh',
      'Hamdan',
      'Al Marri',
    ],
    visitorFirstNames: [
      ...VISITOR_FIRST,
      'Priya',
      'Arjun',
      'Anastasia',
      'Dmitri',
      'Fatma',
      'Mehmet',
    ],
    visitorLastNames: [...VISITOR_LAST, 'Sharma', 'Iyer', 'Ivanova', 'Petrov', 'Yilmaz', 'Demir'],
    driverFirstNames: [
      'Muhammad',
      'Imran',
      'Bilal',
      'Asif',
      'Ramesh',
      'Suresh',
      'Joseph',
      'Mahmoud',
      'Tariq',
      'Rizwan',
      'Arnel',
      'Mark',
      'Sherif',
      'Kamal',
      'Faisal',
      'Deepak',
    ],
    driverLastNames: [
      'Khan',
      'Hussain',
      'Ahmed',
      'Iqbal',
      'Nair',
      'Kumar',
      'Thomas',
      'Abdelrahman',
      'Mahmood',
      'Shah',
      'Santos',
      'Reyes',
      'Farouk',
      'Ali',
      'Menon',
      'Raza',
    ],
    emailDomains: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com'],
    guestLocales: [
      ['ar', 30],
      ['en', 70],
    ],
    driverLocales: [
      ['en', 70],
      ['ar', 30],
    ],
    visitorShare: 0.6,
    phone: (random) =>
      `+971 5${random.pick(['0', '2', '4', '5', '6', '8'])} ${groupDigits(random, [3, 4])}`,
    plate: (random) =>
      `Dubai ${random.pick(['A', 'B', 'H', 'J', 'K', 'L', 'M', 'P', 'T'])} ${random.int(10000, 99999)}`,
  },
  {
    code: 'MEX',
    name: 'Mexico City',
    countryCode: 'MX',
    timeZone: 'America/Mexico_City',
    currency: 'MXN',
    languages: ['es-MX', 'en'],
    utcOffsetHours: -6,
    currencySymbol: 'MX$',
    airports: [
      'Mexico City Airport (MEX) Terminal 1, Puerta 7',
      'Mexico City Airport (MEX) Terminal 2, Puerta 4',
      'Felipe Ángeles Airport (NLU) Arrivals',
    ],
    places: [
      'Zócalo, Centro Histórico',
      'Paseo de la Reforma 500',
      'Polanco, Av. Presidente Masaryk 201',
      'Roma Norte, Calle Orizaba 101',
      'Condesa, Parque México',
      'Coyoacán, Jardín Centenario',
      'Centro Santa Fe',
      'Museo Nacional de Antropología',
      'Estadio Azteca',
      'Terminal de Autobuses del Norte',
      'Hotel Camino Real Polanco',
      'Ángel de la Independencia',
      'Palacio de Bellas Artes',
      'Xochimilco, Embarcadero Nuevo Nativitas',
      'Ciudad Universitaria',
      'Antara Fashion Hall',
      'World Trade Center, Col. Nápoles',
    ],
    fares: { ride: [55, 320], airport: [260, 850] },
    flights: ['AM401', 'AM58', 'VB1130', 'Y4912', 'UA1287', 'AA1450', 'IB6401', 'AM2', 'DL599'],
    cars: [
      'white Nissan Versa',
      'grey Kia Rio',
      'black Toyota Camry',
      'silver Chevrolet Aveo',
      'white Toyota Hiace',
      'black Suburban',
    ],
    guestFirstNames: [
      'Lucía',
      'Diego',
      'Valeria',
      'Alejandro',
      'Fernanda',
      'Santiago',
      'Ximena',
      'Emiliano',
      'Camila',
      'Andrés',
      'Daniela',
      'Rodrigo',
      'Mariana',
      'José Luis',
      'Paola',
      'Jorge',
    ],
    guestLastNames: [
      'Hernández',
      'García',
      'Martínez',
      'López',
      'González',
      'Rodríguez',
      'Pérez',
      'Sánchez',
      'Ramírez',
      'Torres',
      'Flores',
      'Rivera',
      'Gómez',
      'Díaz',
      'Cruz',
      'Morales',
    ],
    visitorFirstNames: VISITOR_FIRST,
    visitorLastNames: VISITOR_LAST,
    driverFirstNames: [
      'Juan',
      'Miguel Ángel',
      'Francisco',
      'Arturo',
      'Ricardo',
      'Héctor',
      'Raúl',
      'Óscar',
      'Alfredo',
      'Gerardo',
      'Verónica',
      'Sergio',
      'Eduardo',
      'Martín',
      'Rosa',
      'Alberto',
    ],
    driverLastNames: [
      'Jiménez',
      'Vázquez',
      'Reyes',
      'Mendoza',
      'Ortiz',
      'Castillo',
      'Ruiz',
      'Aguilar',
      'Chávez',
      'Romero',
      'Herrera',
      'Medina',
      'Vargas',
      'Guzmán',
      'Salazar',
      'Domínguez',
    ],
    emailDomains: ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.mx', 'icloud.com'],
    guestLocales: [
      ['es-MX', 70],
      ['en', 30],
    ],
    driverLocales: [
      ['es-MX', 95],
      ['en', 5],
    ],
    visitorShare: 0.3,
    phone: (random) => `+52 55 ${groupDigits(random, [4, 4])}`,
    plate: (random) =>
      `${random.token(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}-${random.digits(3)}-${random.token(1, 'ABCDEFGHJKLMNPRSTUVWXYZ')}`,
  },
  {
    code: 'LON',
    name: 'London',
    countryCode: 'GB',
    timeZone: 'Europe/London',
    currency: 'GBP',
    languages: ['en'],
    utcOffsetHours: 0,
    currencySymbol: '£',
    airports: [
      'Heathrow Airport (LHR) Terminal 5 Arrivals',
      'Heathrow Airport (LHR) Terminal 2',
      'Gatwick Airport (LGW) North Terminal',
      'London City Airport (LCY)',
    ],
    places: [
      "King's Cross St Pancras",
      'Canary Wharf, One Canada Square',
      'Shoreditch High Street',
      'The Savoy, Strand',
      'Paddington Station',
      'Westfield Stratford City',
      'Covent Garden Piazza',
      'Camden Market',
      'Greenwich, Cutty Sark',
      'Tower Bridge Road',
      'Notting Hill Gate',
      'ExCeL London, Royal Victoria Dock',
      'The O2, Peninsula Square',
      'Victoria Coach Station',
      'South Kensington, Exhibition Road',
      'Battersea Power Station',
    ],
    fares: { ride: [12, 48], airport: [45, 130] },
    flights: ['BA117', 'BA2037', 'VS4', 'EZY8902', 'AA100', 'EK1', 'QR7', 'LH900', 'AF1680'],
    cars: [
      'black Toyota Prius',
      'silver Skoda Octavia',
      'black Mercedes E-Class',
      'white Kia Niro',
      'grey Ford Galaxy',
      'black Mercedes V-Class',
    ],
    guestFirstNames: [
      'Oliver',
      'Amelia',
      'Harry',
      'Isla',
      'George',
      'Ava',
      'Jack',
      'Mia',
      'Charlie',
      'Poppy',
      'Mohammed',
      'Priya',
      'Daniel',
      'Chloe',
      'Tom',
      'Zara',
    ],
    guestLastNames: [
      'Smith',
      'Jones',
      'Williams',
      'Taylor',
      'Davies',
      'Evans',
      'Thomas',
      'Roberts',
      'Khan',
      'Patel',
      'Wright',
      'Walker',
      'Hughes',
      'Green',
      'Clarke',
      'Begum',
    ],
    visitorFirstNames: VISITOR_FIRST,
    visitorLastNames: VISITOR_LAST,
    driverFirstNames: [
      'Mohammed',
      'Abdul',
      'Tariq',
      'Kwame',
      'Darius',
      'Florin',
      'Andrzej',
      'Gary',
      'Lee',
      'Yusuf',
      'Emmanuel',
      'Sami',
      'Kevin',
      'Ionut',
      'Adebayo',
      'Paul',
    ],
    driverLastNames: [
      'Ali',
      'Rahman',
      'Mensah',
      'Popescu',
      'Nowak',
      'Hussain',
      'Okoye',
      'Mitchell',
      'Baker',
      'Chowdhury',
      'Kaya',
      'Osei',
      'Ionescu',
      'Shah',
      'Adeyemi',
      'Reid',
    ],
    emailDomains: ['gmail.com', 'outlook.com', 'btinternet.com', 'icloud.com', 'yahoo.co.uk'],
    guestLocales: [['en', 100]],
    driverLocales: [['en', 100]],
    visitorShare: 0.35,
    phone: (random) => `+44 7${random.digits(3)} ${random.digits(6)}`,
    plate: (random) =>
      `${random.token(2, 'ABCDEFGHJKLMNOPRSTUVWXY')}${random.int(16, 74)} ${random.token(3, 'ABCDEFGHJKLMNOPRSTUVWXYZ')}`,
  },
];

/** Share of conversations and contacts per city. */
export const CITY_WEIGHTS: Weighted<CityCode> = [
  ['LIS', 6],
  ['DXB', 5],
  ['MEX', 6],
  ['LON', 3],
];

export const CITY_BY_CODE: ReadonlyMap<CityCode, CityProfile> = new Map(
  CITIES.map((city) => [city.code, city]),
);

export function cityProfile(code: CityCode): CityProfile {
  const city = CITY_BY_CODE.get(code);
  if (!city) throw new Error(`Unknown city ${code}`);
  return city;
}

/** Removes accents so names can become email local parts. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** "€42.50", "AED 180.00", "MX$1,250.00" — amounts are minor units. */
export function formatAmount(city: CityProfile, amountMinor: number): string {
  const major = Math.floor(amountMinor / 100);
  const cents = String(amountMinor % 100).padStart(2, '0');
  const grouped = String(major).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${city.currencySymbol}${grouped}.${cents}`;
}

/** The city's wall clock (standard offset) as a Date whose UTC fields read local time. */
export function cityClock(city: CityProfile, at: number): Date {
  return new Date(at + city.utcOffsetHours * 3_600_000);
}

/** Wall-clock time in the city, e.g. "14:05". */
export function localTime(city: CityProfile, at: number): string {
  const local = cityClock(city, at);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

export function localHour(city: CityProfile, at: number): number {
  return cityClock(city, at).getUTCHours();
}
