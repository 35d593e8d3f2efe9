// Chinese (default) strings. `en-US.ts` must provide exactly the same keys (checked by tsc).
export const zhCN = {
  app: {
    name: '维权',
    tagline: '全国消费者投诉举报平台',
    skipToContent: '跳到主要内容',
    footer: '维权 Weiquan 是一个开源项目，界面与接口仍在建设中。',
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
  home: {
    title: '消费者权益保护，一站办理',
    intro:
      '维权是一个开源的全国消费者投诉举报平台，参照 12315 的服务方式：消费者可以对商品和服务问题提出投诉、举报违法线索、提出建议或进行咨询，由所在地的市场监管部门依法处理。',
    servicesTitle: '我们提供的服务',
    comingSoon: '即将开放',
    comingSoonNote: '此项服务正在建设中，暂不能在线提交。',
    services: {
      complaint: {
        title: '投诉',
        description: '与经营者发生消费纠纷，请求市场监管部门调解，维护自身合法权益。',
      },
      report: {
        title: '举报',
        description: '反映经营者涉嫌违法的行为线索，由监管部门核查处理。',
      },
      suggestion: {
        title: '建议',
        description: '对市场监管工作和消费环境提出意见和建议。',
      },
      consultation: {
        title: '咨询',
        description: '了解消费者权益保护的法律法规和办理流程。',
      },
    },
  },
  divisions: {
    title: '选择所在地区',
    intro: '投诉和举报将按所在地区分送当地市场监管部门处理。请依次选择省、市、区县。',
    level: {
      province: '省份',
      city: '城市',
      county: '区县',
      next: '下级区划',
    },
    placeholder: '请选择{{level}}',
    loading: '正在加载区划…',
    empty: '暂无区划数据',
    loadFailed: '区划加载失败',
    chosen: '已选择的地区',
    path: '完整路径',
    code: '区划代码',
    incomplete: '请继续选择下一级区划。',
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的页面不存在或已被移除。',
    backHome: '返回首页',
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
      invalid_credentials: '账号或密码错误。',
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
