import type { Role } from '@shared/auth/auth.schema';
import type { MessageKey } from '../i18n/en';

/** The label of each role; a role added to ROLES in shared/auth needs its label here (the compiler says so). */
export const ROLE_LABELS: Record<Role, MessageKey> = { admin: 'role.admin', designer: 'role.designer', analyst: 'role.analyst', integration: 'role.integration', agent: 'role.agent' };
