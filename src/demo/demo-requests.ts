// Demo information requests for the city bureau: applications from every channel and applicant
// type, received over the last weeks, left at every step of their life (received, correction,
// accepted, assigned, drafting, consultation, office review, approved, delivered, closed,
// withdrawn, awaiting a fee), one with an extension, one paid fee, a reconsideration and this
// quarter's withholding filing. All through the requests service, so the timeline, audit
// chain and deadlines are real.
import { idCardCheckChar } from '../core/text/identifiers.ts';
import type { StaffActor } from '../modules/accounts/index.ts';
import type { ActInput, ApplicationInput, RegisteredApplication, ReplyDraftInput, ReplyItemInput, RequestVerb } from '../modules/requests/index.ts';
import type { Services } from '../services.ts';
import { creditCodeCheckChar } from '../core/text/identifiers.ts';
import { today } from '../core/time/clock.ts';

const PEOPLE = ['李建国', '张秀英', '刘志强', '陈桂兰', '杨文华', '赵德明', '黄丽萍', '周海涛', '吴春燕', '徐国平', '孙玉梅', '胡振华'];
const ORGS: [ApplicationInput['applicantType'], string][] = [
  ['business', '示例市宏达房地产开发有限公司'], ['legalService', '江西正信律师事务所'], ['research', '示例市城乡规划研究院'], ['nonprofit', '示例市农村发展促进会'],
];
const WANTED = [
  ['沙河镇 2024 年第 3 批次集体土地征收的征地批复文件及补偿安置方案', '征地批复'],
  ['本人位于潭口镇坳上村承包地被征收的补偿标准及测算依据', '征地补偿标准'],
  ['蓉江新区 2025 年国有建设用地使用权出让地块的规划条件', '规划条件'],
  ['水西镇某采石场采矿许可证的批准文件及开采范围', '采矿权'],
  ['示例市 2024 年度土地利用计划执行情况', '土地利用计划'],
  ['湖边镇违法占地案件的行政处罚决定书', '行政处罚'],
  ['城东街道棚户区改造项目用地预审意见', '用地预审'],
  ['凤岗镇地质灾害隐患点的监测报告和防治方案', '地质灾害'],
];

/** A checksum-valid resident ID (GB 11643) for a demo person. */
function demoId(n: number): string {
  const first17 = `36070219${70 + (n % 25)}0${1 + (n % 9)}1${n % 10}${100 + n}`.slice(0, 17);
  return first17 + idCardCheckChar(first17);
}

function applicationFor(n: number): ApplicationInput {
  const [wanted, title] = WANTED[n % WANTED.length];
  const org = n % 5 === 4 ? ORGS[(n / 5) % ORGS.length | 0] : undefined;
  const credit = `91360700MA${String(35000 + n).padStart(5, '0')}XK`.slice(0, 17);
  return {
    applicantType: org ? org[0] : 'person', applicantName: org ? org[1] : PEOPLE[n % PEOPLE.length],
    idType: org ? 'creditCode' : 'residentId', idNumber: org ? credit + creditCodeCheckChar(credit) : demoId(n),
    legalRepresentative: org ? PEOPLE[(n + 3) % PEOPLE.length] : '', agentName: '', agentIdNumber: '',
    phone: `1${[38, 39, 58, 77, 86][n % 5]}${String(7000_0000 + n * 7919).slice(0, 8)}`,
    // Delivery by e-mail needs an address; some paper and pick-up applicants give none.
    email: n % 4 === 0 || n % 3 ? `applicant${n}@example.cn` : '',
    address: `示例市章贡区红旗大道 ${n + 1} 号`, postcode: '341000', infoDescription: `请提供${wanted}。`, infoTitle: title, infoDocNumber: '',
    purpose: n % 2 ? '维护本人合法权益' : '', deliveryMethod: (['email', 'paper', 'pickUp', 'onlineDownload'] as const)[n % 4],
    feeWaiverRequested: false, feeWaiverReason: '',
  };
}

type Step = [RequestVerb, 'office' | 'department', ActInput?];
const FEE: ActInput = { note: '申请提供的信息共 120 页，超出免费页数。', fee: { basis: 'perPage', pages: 120, paymentMethod: '银行转账或到市政务服务中心公开窗口缴纳' } };
const ACCEPT: Step[] = [['accept', 'office']];
const ASSIGN: Step[] = [...ACCEPT, ['assign', 'office', { note: '' }]];
const DRAFT: Step[] = [...ASSIGN, ['startDrafting', 'department']];
const REVIEW: Step[] = [...DRAFT, ['submitReply', 'department', { note: '经检索核实，答复稿已起草，请审核。' }]];
const APPROVED: Step[] = [...REVIEW, ['approve', 'office']];
// Delivery by the applicant's chosen method: post needs the EMS number, pick-up the signer.
const DELIVERED: Step[] = [...APPROVED, ['deliver', 'office', { note: '已按申请人选择的方式送达。', delivery: { trackingNumber: 'EA123456789CN', recipientNote: '申请人本人' } }]];
/** The steps each demo request takes, in order; the index spreads receipt dates over the weeks. */
const PLANS: Step[][] = [
  [], [], [['requestCorrection', 'office', { note: '申请内容不明确：请写明所需信息的名称、文号或者地块位置、时间范围。', correctionPeriodDays: 15 }]],
  ACCEPT, ASSIGN, ASSIGN, DRAFT, DRAFT,
  [...DRAFT, ['startConsultation', 'department', { note: '申请公开的信息涉及第三方商业秘密，书面征求第三方意见。', consultation: { kind: 'thirdParty', partyName: '示例市宏达房地产开发有限公司' } }]],
  REVIEW, REVIEW, APPROVED, DELIVERED,
  [...DELIVERED, ['close', 'office', { note: '' }]], [...DELIVERED, ['close', 'office', { note: '' }]], [...DELIVERED, ['close', 'office', { note: '' }]],
  [['withdraw', 'office', { note: '申请人来电表示已通过其他途径获取，申请撤回。' }]],
  [...DRAFT, ['startConsultation', 'department', { note: '涉及示例县自然资源局共同制作的信息，征求其意见。', consultation: { kind: 'coAgency', partyName: '示例县自然资源局' } }], ['endConsultation', 'department', { note: '协作机关书面同意公开。' }]],
  // Processing fees by page count (国办函〔2020〕109号): one awaiting payment, one paid.
  [...DRAFT, ['requestFee', 'office', FEE]],
  [...DRAFT, ['requestFee', 'office', FEE], ['recordPayment', 'office', { note: '', payment: { reference: 'ZF20250001' } }]],
];

const item = (description: string, replyType: string, decision = '', explanation = '', extra: Partial<ReplyItemInput> = {}): ReplyItemInput =>
  ({ description, replyType, decision, explanation, ...extra });
/** The reply drafted for each plan that reaches submission (by plan index): every kind of outcome of table 三. */
const DRAFTS: Record<number, ReplyDraftInput> = {
  9: { opinion: '', items: [item('征收土地补偿安置方案及批复', 'disclosed')] },
  10: { opinion: '', items: [item('建设项目用地预审意见', 'notHeldByAgency', '', '经核查，该信息不属于本机关负责公开。', { holderAgency: '示例市发展和改革委员会（电话 0797-8000000）' })] },
  11: {
    opinion: '经审查，现对您申请的三项信息分别答复如下。',
    items: [
      item('用地批准文件', 'disclosed', 'partlyGranted', '文件中涉及被征收户个人信息的部分已作删除处理后提供（第三十七条）。'),
      item('征地协调会会议纪要', 'notDisclosed', 'refused:processInformation', '该纪要属于内部研究讨论的过程性信息。'),
      item('被征收户补偿明细中的个人账户信息', 'notDisclosed', 'refused:thirdPartyRights', '公开会对第三方个人隐私造成损害。'),
    ],
  },
  12: { opinion: '', items: [item('土地出让收支明细', 'notDisclosed', 'refused:stateSecret', '经保密审查，该信息已依法定密。')] },
  13: { opinion: '', items: [item('历年土地利用现状统计汇总表', 'direct', 'unableToProvide:needsCreation', '本机关没有现成的汇总信息，需要另行加工制作（第三十八条）。')] },
  14: { opinion: '', items: [item('矿业权出让收益征收标准', 'disclosed'), item('矿产资源规划', 'disclosed')] },
  15: { opinion: '', items: [item('不动产登记资料', 'specialProcedure', '', '不动产登记资料的查询依照《不动产登记资料查询暂行办法》办理，请持身份证明到不动产登记中心查询。')] },
};

export async function loadDemoRequests(
  services: Services,
  opts: { officer: StaffActor; drafter: StaffActor; departmentId: string; receivedDays: string[] },
): Promise<number> {
  const channels: RegisteredApplication['channel'][] = ['counter', 'post', 'email', 'fax'];
  const ids: string[] = [];
  for (const [i, plan] of PLANS.entries()) {
    // Requests that went further arrived earlier: two working days back per step taken.
    const receivedOn = opts.receivedDays[Math.max(0, opts.receivedDays.length - 1 - (1 + plan.length * 2) - (i % 2))];
    const receipt = await services.requests.register(opts.officer, { ...applicationFor(i), channel: channels[i % channels.length], receivedOn });
    for (const [verb, who, input] of plan) {
      const actor = who === 'office' ? opts.officer : opts.drafter;
      const extra = verb === 'assign' ? { departmentIds: [opts.departmentId] } : {};
      if (verb === 'submitReply') await services.requests.replies.saveDraft(opts.drafter, receipt.requestId, DRAFTS[i] ?? DRAFTS[9]);
      await services.requests.act(actor, receipt.requestId, verb, { note: '', ...input, ...extra });
    }
    if (i === 7) await services.requests.extend(opts.officer, receipt.requestId, { days: 15, reason: '申请公开的信息数量较大，需要逐项检索、核对，经公开办负责人同意延期答复。' });
    ids.push(receipt.requestId);
  }
  await loadLaterWork(services, opts.officer, ids);
  return ids.length;
}

/**
 * What the office records after replies went out: the applicant of the closed request that could
 * not be provided (plan 13) applies for reconsideration (第五十一条; table 四), and this quarter's
 * withholding filing is generated from the refusals (plans 11, 12) for the confidentiality review.
 */
async function loadLaterWork(services: Services, officer: StaffActor, ids: string[]): Promise<void> {
  const on = today(services.clock);
  await services.requests.challenges.record(officer, ids[13], {
    kind: 'reconsideration', body: '示例市人民政府', filedOn: on, result: 'pending', note: '申请人认为本机关应当提供汇总信息。',
  });
  await services.requests.filings.generate(officer, { year: Number(on.slice(0, 4)), quarter: Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1 });
}
