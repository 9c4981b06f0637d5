export { type Config, ConfigError, type DatabaseConfig, loadConfig, SETTING_DESCRIPTIONS } from './config.js';
