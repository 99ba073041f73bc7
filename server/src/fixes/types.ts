export type { QuickFix, TextEdit } from '../rules/types';
