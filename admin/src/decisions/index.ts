import GavelIcon from '@mui/icons-material/Gavel';
import { DecisionList } from './DecisionList';
import { DecisionShow } from './DecisionShow';

export default { list: DecisionList, show: DecisionShow, icon: GavelIcon, options: { label: 'Decisions' } };
