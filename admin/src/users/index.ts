import PeopleIcon from '@mui/icons-material/People';
import { ListGuesser } from 'react-admin';

export default { list: ListGuesser, icon: PeopleIcon };
