import ArticleIcon from '@mui/icons-material/Article';
import { VersionList } from './VersionList';

export default { list: VersionList, icon: ArticleIcon, recordRepresentation: (r: { policyId: string; version: string }) => `${r.policyId} ${r.version}` };
