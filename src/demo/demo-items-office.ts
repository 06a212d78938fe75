// Demo items kept by the office: agency information, statistics, budgets, the guide, annual
// reports and how to apply.
import {
  between, cnDate, dateNear, paragraphs, spreadDates, table, TOPICS, type DemoContext, type DemoItemSpec,
} from './demo-content.ts';

function agencyInfo(ctx: DemoContext): DemoItemSpec[] {
  const [d] = spreadDates(ctx, 1, 0, 0.05);
  const o = ctx.org;
  return [
    { key: 'jgzn', column: 'jgzn', department: '办公室', topic: TOPICS.general, writtenOn: d, docNumber: '', title: `${o.name}主要职责`, summary: '本机关的主要职责、办公地址和联系方式。', bodyHtml: paragraphs(`${o.name}是${o.place}人民政府工作部门，主要职责是：`, '（一）履行全民所有土地、矿产、森林、草原、湿地、水等自然资源资产所有者职责和所有国土空间用途管制职责。', '（二）负责自然资源调查监测评价、统一确权登记和合理开发利用工作。', '（三）负责建立空间规划体系并监督实施，负责耕地保护和土地征收、供应管理。', '（四）负责测绘地理信息管理、地质灾害防治和自然资源执法监督工作。', `办公地址：${o.address}；联系电话：${o.phone}。`) },
    { key: 'ldxx', column: 'ldxx', department: '办公室', topic: TOPICS.general, writtenOn: d, docNumber: '', title: `${o.name}领导信息`, summary: '局领导姓名、职务和分工。', bodyHtml: table('局领导分工', ['姓名', '职务', '分工'], o.leaders) },
    { key: 'nsjg', column: 'nsjg', department: '办公室', topic: TOPICS.general, writtenOn: d, docNumber: '', title: `${o.name}内设机构`, summary: '内设科室及其职责、联系电话。', bodyHtml: table('内设机构', ['科室', '主要职责'], [['办公室', '机关日常运转、政务公开、信访、保密'], ['政策法规科', '规范性文件合法性审核、行政复议应诉'], ['国土空间规划科', '国土空间规划编制与实施监督'], ['耕地保护科', '耕地保护、土地征收'], ['土地利用科', '土地供应、地价管理、节约集约利用'], ['矿产资源科', '矿业权管理'], ['不动产登记中心', '不动产统一登记'], ['执法支队', '自然资源违法案件查处']]) },
  ];
}

function statistics(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const [y, m] = writtenOn.split('-').map(Number);
    // Figures of the last complete quarter.
    const q = Math.ceil(m / 3) - 1 || 4;
    const year = m <= 3 ? y - 1 : y;
    const kind = i % 2 === 0 ? 'supply' : 'registration';
    return kind === 'supply'
      ? {
        key: `tjsj-${i}`, column: 'tjsj', department: '办公室', topic: TOPICS.land, writtenOn, docNumber: '',
        title: `${year}年第${q}季度${ctx.org.place}国有建设用地供应情况`, summary: '本季度国有建设用地供应宗数、面积和出让价款。',
        bodyHtml: table('国有建设用地供应情况', ['用途', '宗数', '面积（公顷）', '出让价款（万元）'], [['工矿仓储用地', between(ctx, 3, 20), between(ctx, 10, 80), between(ctx, 2000, 20000)], ['住宅用地', between(ctx, 1, 9), between(ctx, 5, 40), between(ctx, 20000, 150000)], ['商服用地', between(ctx, 1, 6), between(ctx, 1, 15), between(ctx, 3000, 40000)], ['公共管理与公共服务用地（划拨）', between(ctx, 2, 12), between(ctx, 3, 30), 0]]),
      }
      : {
        key: `tjsj-${i}`, column: 'tjsj', department: '办公室', topic: TOPICS.registration, writtenOn, docNumber: '',
        title: `${year}年第${q}季度不动产登记业务统计`, summary: '本季度各类不动产登记办件量和平均办理时间。',
        bodyHtml: table('不动产登记业务量', ['登记类型', '办件量（件）', '平均办理时间（工作日）'], [['首次登记', between(ctx, 200, 900), 3], ['转移登记', between(ctx, 2000, 8000), 2], ['抵押登记', between(ctx, 1500, 6000), 1], ['变更、更正及其他登记', between(ctx, 300, 1500), 2]]),
      };
  });
}

function budgets(ctx: DemoContext): DemoItemSpec[] {
  const out: DemoItemSpec[] = [];
  for (const year of ['2024', '2025', '2026']) {
    const budgetOn = dateNear(ctx, `${year}-02-10`);
    if (budgetOn)
      out.push({ key: `czzj-ys-${year}`, column: 'czzj', department: '财务科', topic: TOPICS.finance, writtenOn: budgetOn, docNumber: '', title: `${ctx.org.name}${year}年部门预算`, summary: `${year}年部门收支预算、“三公”经费预算和政府采购预算。`, bodyHtml: paragraphs(`${year}年部门收入预算${between(ctx, 8000, 16000)}万元，支出预算与收入预算相同。`, `“三公”经费预算${between(ctx, 20, 60)}万元，比上年减少${between(ctx, 1, 9)}%。`) + table('支出预算（万元）', ['项目', '金额'], [['基本支出', between(ctx, 3000, 5000)], ['项目支出', between(ctx, 4000, 11000)]]) });
    const accountsOn = dateNear(ctx, `${year}-08-20`);
    if (accountsOn)
      out.push({ key: `czzj-js-${year}`, column: 'czzj', department: '财务科', topic: TOPICS.finance, writtenOn: accountsOn, docNumber: '', title: `${ctx.org.name}${Number(year) - 1}年部门决算`, summary: `${Number(year) - 1}年部门收支决算和“三公”经费支出情况。`, bodyHtml: paragraphs(`${Number(year) - 1}年度部门收入决算${between(ctx, 8000, 16000)}万元，支出决算${between(ctx, 8000, 16000)}万元。`, '决算数与预算数存在差异的主要原因是年中追加了耕地保护和地质灾害治理专项资金。') });
  }
  return out;
}

function annualReports(ctx: DemoContext): DemoItemSpec[] {
  const out: DemoItemSpec[] = [];
  for (const year of [2023, 2024, 2025]) {
    const writtenOn = dateNear(ctx, `${year + 1}-01-15`);
    if (!writtenOn) continue;
    out.push({
      key: `gknb-${year}`, column: 'gknb', department: '办公室', topic: TOPICS.general, writtenOn, docNumber: '',
      title: `${ctx.org.name}${year}年政府信息公开工作年度报告`, summary: `${year}年度主动公开、依申请公开、复议诉讼和存在的问题及改进情况。`,
      bodyHtml: paragraphs(
        `本报告根据《中华人民共和国政府信息公开条例》第五十条和国务院办公厅政府信息公开办公室印发的格式要求编制，报告期为${year}年1月1日至12月31日。`,
        `一、总体情况。全年主动公开政府信息${between(ctx, 400, 900)}条，收到政府信息公开申请${between(ctx, 40, 160)}件，均在法定期限内答复。`,
        '二、主动公开政府信息情况、三、收到和处理政府信息公开申请情况、四、政府信息公开行政复议和行政诉讼情况详见附表。',
        '五、存在的主要问题及改进情况。部分栏目更新不够及时，依申请公开答复文书规范化水平有待提升。下一步将完善栏目更新提醒和答复文书模板。',
        `${ctx.org.name}\u3000${cnDate(writtenOn)}`,
      ),
    });
  }
  return out;
}

function guideAndApply(ctx: DemoContext): DemoItemSpec[] {
  const [d] = spreadDates(ctx, 1, 0.02, 0.08);
  const o = ctx.org;
  return [
    {
      key: 'gkzn', column: 'gkzn', department: '办公室', topic: TOPICS.general, writtenOn: d, docNumber: '',
      title: `${o.name}政府信息公开指南`, summary: '信息分类编排、获取方式和公开工作机构的名称、地址、办公时间和联系方式。',
      bodyHtml: paragraphs(
        `为便于公民、法人和其他组织获取${o.name}的政府信息，根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。`,
        '一、主动公开。主动公开的政府信息按政府信息公开目录分类编排，通过本局门户网站、政府信息公开查阅室等途径公开，自信息形成或变更之日起 20 个工作日内公开。',
        '二、依申请公开。申请人可通过网上申请、信函、当面递交等方式提出申请。本局收到申请后能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；需要延长答复期限的，经公开工作机构负责人同意并告知申请人，延长期限最长不超过 20 个工作日。',
        `三、公开工作机构：${o.name}办公室；地址：${o.address}；电话：${o.phone}。`,
        '四、监督和救济。申请人认为本局在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
      ),
    },
    {
      key: 'ysqgk', column: 'ysqgk', department: '办公室', topic: TOPICS.general, writtenOn: d, docNumber: '',
      title: '依申请公开须知', summary: '申请方式、申请内容、办理流程、答复期限和收费标准。',
      bodyHtml: paragraphs(
        '一、申请方式：网上申请（本网站“依申请公开”栏目）、信函申请、当面申请。',
        '二、申请内容：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的方式和途径。',
        '三、答复期限：自收到申请之日起 20 个工作日内答复，需要延长的最长延长 20 个工作日；征求第三方意见所需时间不计算在内。',
        '四、收费：依法不收取费用；申请数量、频次明显超过合理范围的，按照国办函〔2020〕109号收取信息处理费。',
      ),
    },
  ];
}

export function officeItems(ctx: DemoContext, scale: number): DemoItemSpec[] {
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  return [...agencyInfo(ctx), ...guideAndApply(ctx), ...statistics(ctx, n(8)), ...(scale >= 1 ? budgets(ctx) : []), ...annualReports(ctx)];
}
