// Card texts for the canvas benchmark: workshop-like phrases of 10 to 80 characters, so that
// the canvas lays out and wraps text the way it would on a real board (short labels cost
// less to measure and draw than real sentences, and would flatter the figures).
import type { ItemKind } from '@interlink/model';
import type { Random } from './random.js';

const HEADS: Record<ItemKind, readonly string[]> = {
  threat: [
    'Drought', 'Flash floods', 'Crop failure', 'Rising food prices', 'Cholera outbreak', 'Land grabbing',
    'Youth unemployment', 'Gender-based violence', 'Forced displacement', 'Cattle raiding',
    'Contaminated wells', 'Loss of remittances', 'Eviction threats', 'Heatwaves', 'Locust swarms',
  ],
  'root-cause': [
    'Deforestation upstream', 'Weak land tenure', 'No crop insurance', 'Corruption in permits',
    'Climate variability', 'Exclusion from councils', 'Poor road access', 'Single-crop farming',
  ],
  group: [
    'Women-headed households', 'Pastoralists', 'Day labourers', 'Older people living alone',
    'Displaced families', 'Children out of school', 'People with disabilities', 'Smallholder farmers',
  ],
  capacity: [
    'Savings groups', 'Traditional seed banks', 'Community radio', 'Mutual aid networks',
    'Local health volunteers', 'Grain stores', 'Church shelters', 'Youth clubs',
  ],
  actor: [
    'District council', 'Ministry of Agriculture', 'WFP', 'Red Crescent branch', 'Farmers cooperative',
    'Regional water board', 'University extension', 'Mobile network operator',
  ],
  response: [
    'Cash transfers', 'Early warning SMS', 'Drought-tolerant seeds', 'Legal aid clinics', 'Safe spaces',
    'Water trucking', 'Land title registration', 'Vocational training', 'Flood embankments',
  ],
  indicator: [
    'Maize price', 'River level at the bridge', 'Clinic diarrhoea cases', 'School attendance',
    'Rainfall in March', 'Livestock sales', 'Well water turbidity', 'Market closures',
  ],
  note: [
    'Ask the chief', 'Check with WASH cluster', 'Follow up next week', 'Photo of the map',
    'Disputed in group B', 'Needs a source', 'Parking lot', 'Bring to plenary',
  ],
  frame: ['Threats', 'Root causes', 'People affected', 'Capacities', 'Actors', 'Responses', 'Early warning'],
};

const CLAUSES: readonly string[] = [
  'in the northern districts',
  'in informal settlements',
  'along the river villages',
  'near the border crossing',
  'during the lean season',
  'since the mine closed',
  'after the rains failed',
  'for the third year running',
  'mostly affecting women',
  'reported by the health post',
  'according to the market survey',
  'in camp B and camp C',
  'on the coastal strip',
  'worse in upland farms',
  'raised by youth group',
];

export const MIN_TEXT = 10;
export const MAX_TEXT = 80;

/**
 * A phrase for a card of `kind`, between MIN_TEXT and MAX_TEXT characters long: the kind's
 * head phrase, then whole clauses while the drawn target length is not reached.
 */
export function cardText(random: Random, kind: ItemKind): string {
  const target = random.int(MIN_TEXT, MAX_TEXT);
  let text = random.pick(HEADS[kind]);
  while (text.length < target) {
    const longer = `${text} ${random.pick(CLAUSES)}`;
    if (longer.length > MAX_TEXT) break;
    text = longer;
  }
  return text.length >= MIN_TEXT ? text : `${text} (draft)`;
}

export const AUTHORS: readonly string[] = [
  'Amina', 'Bilal', 'Chen', 'Dagny', 'Esi', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jomo', 'Kalani', 'Lucía',
  'Mehmet', 'Nadia', 'Oluwaseun', 'Priya', 'Quentin', 'Rania', 'Sipho', 'Tanvir', 'Uma', 'Viktor', 'Wanjiru',
  'Ximena', 'Yusuf', 'Zainab',
];

export const LINK_LABELS: readonly string[] = ['drives', 'worsens', 'feeds', 'reduces', 'if unchecked', 'seasonal', 'disputed'];
