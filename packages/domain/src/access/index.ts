export {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  ADMINISTRATION_ROLES,
  SELF_SERVICE_ROLES,
  isRole,
  permissionsOf,
  breaksSeparationOfDuties,
} from './roles.ts';
export type { Permission, Role } from './roles.ts';
export { regionScopesFor, inAnyScope } from './scope.ts';
export type { Grant } from './scope.ts';
