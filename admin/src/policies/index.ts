import PolicyIcon from '@mui/icons-material/Policy';
import { PolicyList } from './PolicyList';

export default { list: PolicyList, icon: PolicyIcon, recordRepresentation: 'title' };
