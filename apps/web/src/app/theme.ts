import type { ThemeConfig } from 'antd';

/**
 * For older users and cheap phones: 16 px base type, dark text (contrast ≥ 7:1 on white for body
 * text), visible borders (≥ 3:1) and 40–48 px click targets. System fonts only: nothing is fetched.
 */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const appTheme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    fontSize: 16,
    fontSizeSM: 14,
    fontSizeLG: 18,
    fontSizeHeading1: 30,
    fontSizeHeading2: 26,
    fontSizeHeading3: 21,
    fontSizeHeading4: 18,
    lineHeight: 1.6,
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    colorError: '#c41d1d',
    colorWarning: '#d48806',
    colorSuccess: '#2f7d12',
    colorText: '#1a1a1a',
    colorTextSecondary: '#333333',
    colorTextTertiary: '#4a4a4a',
    colorTextDescription: '#4a4a4a',
    colorTextPlaceholder: '#6b6b6b',
    colorBorder: '#8c8c8c',
    colorBorderSecondary: '#d0d0d0',
    colorBgLayout: '#f3f5f8',
    controlHeight: 40,
    controlHeightLG: 48,
    controlHeightSM: 32,
    borderRadius: 6,
  },
  components: {
    Menu: { itemHeight: 48, fontSize: 17, iconSize: 18 },
    Table: { cellPaddingBlock: 12, headerBg: '#eef1f6' },
    Layout: { headerBg: '#ffffff', headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f3f5f8' },
    Tag: { defaultBg: '#f0f0f0', defaultColor: '#1a1a1a' },
  },
};
