// Chinese (default) strings. `en-US.ts` must provide exactly the same keys (checked by tsc).
export const zhCN = {
  app: {
    name: '维权',
    console: '管理后台',
    skipToContent: '跳到主要内容',
  },
  common: {
    retry: '重试',
    loading: '加载中…',
  },
  language: {
    label: '界面语言',
    switchTo: 'English',
    switchToLang: 'en',
  },
  nav: {
    label: '主导航',
    status: '系统状态',
    signIn: '登录',
  },
  login: {
    title: '工作人员登录',
    subtitle: '市场监管部门、消费者协会及相关单位工作人员使用。',
    username: '用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    notAvailableTitle: '登录暂未开放',
    notAvailable:
      '身份认证服务正在建设中，目前无法登录，您输入的信息没有发送到服务器。系统状态页面无需登录即可查看。',
    statusLink: '查看系统状态',
  },
  status: {
    title: '系统状态',
    description: '服务器与 PostgreSQL 数据库、Redis 缓存的连接情况。',
    refresh: '刷新',
    lastChecked: '上次检查：{{time}}',
    allUp: '所有依赖服务运行正常',
    someDown: '部分依赖服务不可用',
    loadFailed: '无法获取系统状态',
    state: '状态',
    up: '正常',
    down: '不可用',
    unknown: '未知',
    latency: '响应时间',
    latencyValue: '{{ms}} 毫秒',
    noLatency: '—',
    dependency: {
      postgres: 'PostgreSQL 数据库',
      redis: 'Redis 缓存',
    },
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的页面不存在或已被移除。',
    back: '返回系统状态',
  },
  routeError: {
    title: '页面加载失败',
    description: '请检查网络连接后刷新页面重试。',
    reload: '刷新页面',
  },
  problem: {
    network: '无法连接服务器，请检查网络后重试。',
    unknown: '发生未知错误，请稍后重试。',
    status: '请求失败（HTTP {{status}}），请稍后重试。',
    code: {
      malformed_request: '请求格式不正确。',
      validation_failed: '提交的内容未通过校验。',
      not_found: '请求的内容不存在。',
      method_not_allowed: '不支持该操作。',
      payload_too_large: '提交的内容过大。',
      unsupported_media_type: '不支持的内容类型。',
      unauthorized: '请先登录。',
      second_factor_required: '请先输入身份验证器中的动态验证码。',
      csrf_token_invalid: '页面已过期，请刷新后重试。',
      forbidden: '您没有权限执行此操作。',
      conflict: '内容已被他人修改，请刷新后重试。',
      precondition_failed: '内容已过期，请刷新后重试。',
      too_many_requests: '操作过于频繁，请稍后再试。',
      service_unavailable: '服务暂时不可用，请稍后重试。',
      internal_error: '服务器内部错误，请稍后重试。',
    },
  },
};

export type Translation = typeof zhCN;
