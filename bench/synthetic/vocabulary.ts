// Norwegian words the synthetic nodes are named and described with, so search has words to match.

export const TOPICS: readonly (readonly [string, string])[] = [
  ['datadeling', 'data sharing'],
  ['digital identitet', 'digital identity'],
  ['helseplattform', 'health platform'],
  ['skytjenester', 'cloud services'],
  ['kunstig intelligens', 'artificial intelligence'],
  ['informasjonssikkerhet', 'information security'],
  ['sammenhengende tjenester', 'seamless services'],
  ['kommunal samhandling', 'municipal cooperation'],
  ['digital kompetanse', 'digital competence'],
  ['åpne data', 'open data'],
  ['e-helse', 'e-health'],
  ['skatteoppgjør', 'tax settlement'],
  ['byggesaksbehandling', 'building permits'],
  ['folkeregister', 'population register'],
  ['digitalt arkiv', 'digital archive'],
  ['innbyggerdialog', 'citizen dialogue'],
  ['tilskuddsforvaltning', 'grant management'],
  ['barnehageopptak', 'kindergarten admission'],
  ['sosialhjelp', 'social assistance'],
  ['pasientjournal', 'patient records'],
  ['kartdata', 'map data'],
  ['eiendomsregister', 'property register'],
  ['nødmeldetjeneste', 'emergency services'],
  ['klimadata', 'climate data'],
  ['offentlige anskaffelser', 'public procurement'],
  ['personvern', 'privacy'],
  ['universell utforming', 'universal design'],
  ['digital post', 'digital mail'],
  ['grunndata', 'base data'],
  ['samtykkeløsning', 'consent service'],
  ['velferdsteknologi', 'welfare technology'],
  ['læringsplattform', 'learning platform'],
  ['fagsystemer', 'case management systems'],
  ['bredbånd', 'broadband'],
  ['fellesløsninger', 'shared solutions'],
  ['tjenestedesign', 'service design'],
];

export const INITIATIVE_PATTERNS: readonly (readonly [string, string])[] = [
  ['Nasjonal løsning for', 'National solution for'],
  ['Felles plattform for', 'Shared platform for'],
  ['Pilot for', 'Pilot for'],
  ['Modernisering av', 'Modernisation of'],
  ['Samordning av', 'Coordination of'],
  ['Program for', 'Programme for'],
  ['Strategi for', 'Strategy for'],
  ['Utredning av', 'Study of'],
  ['Videreutvikling av', 'Further development of'],
  ['Digitalisering av', 'Digitalisation of'],
];
export const SCOPES = ['', ' i kommunene', ' i staten', ' for innbyggere', ' for næringslivet', ' i helsesektoren', ' – fase 2', ' i Nord-Norge'];

export const PLACES = [
  'Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø', 'Bodø', 'Kristiansand', 'Drammen', 'Fredrikstad', 'Ålesund', 'Hamar',
  'Lillehammer', 'Molde', 'Alta', 'Harstad', 'Gjøvik', 'Arendal', 'Skien', 'Haugesund', 'Sandnes', 'Asker', 'Bærum',
  'Lørenskog', 'Steinkjer', 'Førde', 'Vadsø', 'Hammerfest', 'Kongsberg', 'Larvik', 'Tønsberg', 'Narvik', 'Mo i Rana',
];
export const COUNTIES = ['Viken', 'Vestland', 'Trøndelag', 'Nordland', 'Innlandet', 'Agder', 'Rogaland', 'Troms', 'Finnmark', 'Vestfold', 'Telemark', 'Møre og Romsdal'];
export const AGENCY_DOMAINS = [
  'digitalisering', 'helse', 'skatt', 'arbeid og velferd', 'utdanning', 'samfunnssikkerhet', 'byggkvalitet', 'kartverk',
  'statistikk', 'forvaltning og økonomistyring', 'likestilling', 'eiendom', 'kultur', 'miljø', 'fiskeri', 'jernbane',
];

export const LIFE_EVENTS = [
  'Få barn', 'Alvorlig sykt barn', 'Starte og drive en bedrift', 'Dødsfall og arv', 'Flytte', 'Miste og finne jobb',
  'Bli pensjonist', 'Starte skole', 'Bygge hus', 'Ny i Norge', 'Endre sivilstand', 'Bli syk', 'Ta utdanning', 'Bli ufør',
  'Kjøpe bolig', 'Bli pårørende', 'Avvikle bedrift', 'Bli alvorlig syk',
];
export const DRIVERS = [
  'Teknologisk utvikling', 'Endrede forventninger fra innbyggerne', 'Demografiske endringer', 'Klimaendringer',
  'Knapphet på arbeidskraft', 'Globalisering', 'Sikkerhetspolitisk uro', 'Stramme økonomiske rammer',
];
export const TRENDS: readonly (readonly [string, string])[] = [
  ['Kunstig intelligens', 'Artificial intelligence'],
  ['Tingenes internett', 'Internet of things'],
  ['Skytjenester', 'Cloud computing'],
  ['Blokkjedeteknologi', 'Blockchain'],
  ['5G-nett', '5G networks'],
  ['Robotisering', 'Robotisation'],
  ['Stordata', 'Big data'],
  ['Kvanteteknologi', 'Quantum technology'],
  ['Digitale tvillinger', 'Digital twins'],
  ['Automatisering', 'Automation'],
];
export const GOALS: readonly (readonly [string, string])[] = [
  ['Utrydde fattigdom', 'No poverty'],
  ['Utrydde sult', 'Zero hunger'],
  ['God helse og livskvalitet', 'Good health and well-being'],
  ['God utdanning', 'Quality education'],
  ['Likestilling mellom kjønnene', 'Gender equality'],
  ['Rent vann og gode sanitærforhold', 'Clean water and sanitation'],
  ['Ren energi til alle', 'Affordable and clean energy'],
  ['Anstendig arbeid og økonomisk vekst', 'Decent work and economic growth'],
  ['Innovasjon og infrastruktur', 'Industry, innovation and infrastructure'],
  ['Mindre ulikhet', 'Reduced inequalities'],
  ['Bærekraftige byer og lokalsamfunn', 'Sustainable cities and communities'],
  ['Ansvarlig forbruk og produksjon', 'Responsible consumption and production'],
  ['Stoppe klimaendringene', 'Climate action'],
  ['Livet i havet', 'Life below water'],
  ['Livet på land', 'Life on land'],
  ['Fred, rettferdighet og velfungerende institusjoner', 'Peace, justice and strong institutions'],
  ['Samarbeid for å nå målene', 'Partnerships for the goals'],
];
export const REPORT_TITLES = ['Erfaringsrapport', 'Statusrapport for handlingsplanen', 'Evaluering av digitaliseringsstrategien', 'Digitaliseringsrundskrivet', 'Tilstandsrapport'];
export const PUBLISHERS = ['Digitaliseringsdirektoratet', 'Kommunal- og distriktsdepartementet', 'KS', 'Riksrevisjonen', 'Direktoratet for forvaltning og økonomistyring'];
export const MILESTONE_EVENTS = ['forprosjekt ferdig', 'pilot satt i drift', 'anskaffelse gjennomført', 'lovendring vedtatt', 'løsningen lansert', 'evaluering levert', 'første kommune koblet på', 'nasjonal utrulling'];
export const RECOMMENDATION_VERBS = ['Styrk samordningen av', 'Prioriter', 'Finansier', 'Gjenbruk løsninger for', 'Avklar ansvaret for', 'Mål effekten av', 'Involver kommunene i', 'Synliggjør'];
export const VERBS = ['videreutvikle', 'samordne', 'styrke', 'forenkle', 'ta i bruk', 'etablere', 'utrede', 'sikre'];
export const OUTCOMES = ['til beste for innbyggerne', 'på tvers av sektorer', 'i hele landet', 'innen 2025', 'sammen med KS', 'med brukeren i sentrum'];
export const NOTES = [
  'Analytikeren leser sammenhengen ut av felles tema',
  'Følger av omtalen i teksten, men er ikke sagt direkte',
  'Antatt ut fra ansvarsfordelingen i handlingsplanen',
  'Koblingen er trukket fra statusrapporten',
];
export const FIRST_NAMES = ['Kari', 'Ola', 'Ingrid', 'Per', 'Sigrid', 'Lars', 'Nora', 'Erik', 'Astrid', 'Håkon', 'Solveig', 'Øystein'];
export const LAST_NAMES = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Berg', 'Haugen', 'Bakke', 'Lie', 'Dahl', 'Sæther', 'Løvås'];
