export { ConfigError, formatConfigError, type ConfigErrorLocation } from './errors';
export { parseConfigText, type ParsedConfig } from './parse';
export {
  CONFIG_FILE_NAMES, clearConfigCache, findConfigFile, loadConfigFile, loadConfigFor, loadConfigForFolder,
  type LoadedConfig,
} from './load';
