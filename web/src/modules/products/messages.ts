import { addMessages } from '#app/i18n/messages';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

addMessages({ en, 'zh-CN': zhCN });
