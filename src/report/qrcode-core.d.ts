// The qrcode package's encoder alone (its main entry brings PNG and terminal renderers).
declare module 'qrcode/lib/core/qrcode.js';
