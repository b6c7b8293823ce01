import HistoryIcon from '@mui/icons-material/History';
import { ListGuesser } from 'react-admin';

export default { list: ListGuesser, icon: HistoryIcon };
