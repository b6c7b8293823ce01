import ArticleIcon from '@mui/icons-material/Article';
import { VersionEditRoute } from './VersionEditRoute';
import { VersionList } from './VersionList';
import { VersionShow } from './VersionShow';

export default {
  list: VersionList,
  show: VersionShow,
  edit: VersionEditRoute,
  icon: ArticleIcon,
  recordRepresentation: (r: { policyId: string; version: string }) => `${r.policyId} ${r.version}`,
};
