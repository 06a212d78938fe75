// Demo items: normative documents (规范性文件) with their interpretations (政策解读), other
// documents and work news.
import {
  between, cnDate, docNumber, paragraphs, pick, spreadDates, TOPICS, type DemoContext, type DemoItemSpec,
} from './demo-content.ts';

interface PolicyDef {
  name: string;
  purpose: string;
  points: string[];
  major?: boolean;
  interpreted?: boolean;
}

const POLICIES: PolicyDef[] = [
  { name: '临时用地管理规定', purpose: '规范临时用地审批和复垦管理', points: ['临时用地使用期限一般不超过二年', '临时用地期满之日起一年内完成土地复垦', '复垦费用预存至监管账户'] },
  { name: '国有建设用地使用权出让管理办法', purpose: '规范国有建设用地使用权出让行为', points: ['经营性用地一律以招标、拍卖、挂牌方式出让', '出让底价集体决策', '出让合同约定开竣工时间'], major: true, interpreted: true },
  { name: '征收集体土地地上附着物和青苗补偿标准', purpose: '保障被征地农民合法权益', points: ['房屋按结构类型和成新率补偿', '青苗按一季产值补偿', '标准每三年调整一次'], major: true, interpreted: true },
  { name: '闲置土地处置实施办法', purpose: '促进节约集约用地', points: ['满一年未动工的征收土地闲置费', '满二年未动工的依法无偿收回', '政府原因闲置的协商处置'], interpreted: true },
  { name: '关于进一步规范不动产登记办理流程的通知', purpose: '压缩不动产登记办理时间', points: ['一般登记 3 个工作日内办结', '抵押登记 1 个工作日内办结', '推行“一窗受理、并行办理”'], interpreted: true },
  { name: '耕地占补平衡指标交易管理办法', purpose: '规范补充耕地指标调剂', points: ['指标实行统一平台交易', '交易价格实行政府指导价', '交易资金专项用于耕地保护'] },
  { name: '农村宅基地审批管理办法', purpose: '规范农村村民建房用地审批', points: ['一户一宅，面积不超过规定标准', '乡镇人民政府审批并公示', '严禁占用永久基本农田建房'], interpreted: true },
  { name: '地质灾害防治管理办法', purpose: '防治地质灾害，保护人民生命财产安全', points: ['建立群测群防体系', '工程建设项目开展地质灾害危险性评估', '隐患点实行网格化管理'] },
  { name: '关于支持产业用地“标准地”出让的若干措施', purpose: '优化营商环境，提高产业用地效率', points: ['出让前完成区域评估', '明确投资强度、亩均税收等控制指标', '签订投资建设协议'], interpreted: true },
  { name: '临时用地管理规定（修订）', purpose: '落实自然资源部临时用地新规', points: ['临时用地期限自批准之日起算', '能源、交通、水利建设项目临时用地期限可延长至四年', '复垦验收纳入审批监管'], interpreted: true },
  { name: '测绘地理信息成果管理规定', purpose: '加强测绘成果保密和共享管理', points: ['涉密成果实行审批提供', '基础测绘成果无偿提供给政府部门', '成果使用单位落实保密责任'] },
];

function policyDocuments(ctx: DemoContext): DemoItemSpec[] {
  const dates = spreadDates(ctx, POLICIES.length, 0, 0.97);
  const out: DemoItemSpec[] = [];
  POLICIES.forEach((p, i) => {
    const writtenOn = dates[i];
    const doc = docNumber(ctx, '规', writtenOn);
    const fullName = p.name.startsWith('关于') ? p.name : `${ctx.org.place}${p.name}`;
    const title = p.name.startsWith('关于') ? `${ctx.org.name}${p.name}` : `${ctx.org.name}关于印发《${fullName}》的通知`;
    out.push({
      key: `gfxwj-${i}`, column: 'gfxwj', department: '政策法规科', topic: TOPICS.policy, writtenOn, isMajor: p.major,
      title, docNumber: doc,
      summary: `为${p.purpose}，制定本规定，自印发之日起三十日后施行，有效期五年。`,
      bodyHtml: paragraphs(
        '各县（区）自然资源局，局机关各科室、局属各单位：',
        `为${p.purpose}，根据有关法律、法规和规章，结合本${ctx.org.place.slice(-1)}实际，${p.name.startsWith('关于') ? '经局务会议审议通过并经合法性审核，现将有关事项通知如下' : `制定《${fullName}》，经局务会议审议通过并经合法性审核，现印发给你们，请认真贯彻执行`}：`,
        ...p.points.map((pt, k) => `${['一', '二', '三', '四'][k]}、${pt}。`),
        `本${p.name.startsWith('关于') ? '通知' : '规定'}自${cnDate(writtenOn)}起三十日后施行，有效期五年。执行中遇到的问题，请及时向${ctx.org.shortName}政策法规科反映。`,
        `${ctx.org.name}\u3000${cnDate(writtenOn)}`,
      ),
    });
    if (p.interpreted)
      out.push({
        key: `zcjd-${i}`, column: 'zcjd', department: '政策法规科', topic: TOPICS.policy, writtenOn, interprets: [`gfxwj-${i}`],
        title: `《${fullName}》政策解读`, docNumber: '',
        summary: `解读${doc}的制定背景、主要内容和施行时间。`,
        bodyHtml: paragraphs(
          `一、制定背景。为${p.purpose}，落实上级有关部署，${ctx.org.shortName}在深入调研、广泛征求意见的基础上起草了本文件。`,
          `二、主要内容。文件共${between(ctx, 4, 8)}章${between(ctx, 18, 40)}条，重点明确了以下事项：${p.points.join('；')}。`,
          '三、适用范围。本文件适用于本行政区域内的相关管理活动，县（区）可结合实际制定实施细则。',
          `四、施行时间。文件自印发之日起三十日后施行。解读机关：${ctx.org.name}；联系电话：${ctx.org.phone}。`,
        ),
      });
  });
  // The first temporary-land rules were replaced by their revision (index 9): repealed then.
  out[0].repeal = { on: dates[9], reason: `已被《${ctx.org.place}临时用地管理规定（修订）》（${out.find((x) => x.key === 'gfxwj-9')?.docNumber}）替代` };
  const storage = out.find((x) => x.key === 'gfxwj-5');
  if (storage) storage.repeal = { on: dates[10], reason: '上位政策调整，补充耕地指标改由省级平台统一调剂' };
  return out;
}

const OTHER_DOCS = [
  (y: string) => `关于印发《${y}年政务公开工作要点》的通知`,
  (y: string) => `关于开展${y}年度国土变更调查工作的通知`,
  () => '关于全面推行耕地保护田长制的实施意见',
  () => '关于开展国土空间规划“一张图”实施监督的通知',
  (y: string) => `关于公布${y}年度行政权力和责任清单的通知`,
  () => '关于进一步加强违法用地常态化监管的通知',
  (y: string) => `关于做好${y}年汛期地质灾害防范工作的通知`,
  () => '关于优化建设项目用地审批服务的通知',
  (y: string) => `关于开展${y}年“全国土地日”宣传活动的通知`,
  () => '关于加强自然资源领域安全生产工作的通知',
];

function otherDocuments(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const title = OTHER_DOCS[i % OTHER_DOCS.length](writtenOn.slice(0, 4));
    return {
      key: `qtwj-${i}`, column: 'qtwj', department: '办公室', topic: TOPICS.general, writtenOn,
      title: `${ctx.org.name}${title}`, docNumber: docNumber(ctx, '发', writtenOn),
      summary: `${title.replace(/^关于/, '').replace(/的(通知|实施意见)$/, '')}的工作安排。`,
      bodyHtml: paragraphs(
        '各县（区）自然资源局，局机关各科室、局属各单位：',
        `为做好相关工作，现就${title.replace(/^关于/, '').replace(/的(通知|实施意见)$/, '')}有关事项通知如下：`,
        '一、提高思想认识。各单位要把此项工作摆上重要议事日程，主要负责同志亲自抓、负总责。',
        '二、明确工作任务。按照职责分工，细化工作措施，建立工作台账，确保各项任务按时完成。',
        `三、加强督促检查。${ctx.org.shortName}将适时开展督导，对工作推进不力的单位予以通报。`,
        `${ctx.org.name}\u3000${cnDate(writtenOn)}`,
      ),
    };
  });
}

const NEWS = [
  (o: string) => `${o}召开全市自然资源工作会议`,
  (o: string) => `${o}开展“4·22”世界地球日主题宣传活动`,
  (o: string) => `${o}组织开展“6·25”全国土地日宣传活动`,
  (o: string) => `${o}召开耕地保护专题推进会`,
  (o: string) => `${o}完成年度土地卫片执法检查`,
  () => '市不动产登记中心推行“交房即交证”服务',
  (o: string) => `${o}开展汛期地质灾害隐患排查`,
  () => '示例县局“标准地”改革取得新进展',
  (o: string) => `${o}举办政务公开业务培训班`,
  (o: string) => `${o}开展“民法典进社区”普法宣传`,
  () => '不动产登记“跨省通办”窗口正式启用',
  (o: string) => `${o}召开党风廉政建设工作会议`,
  (o: string) => `${o}组织开展地质灾害应急演练`,
  () => '全市国土空间规划编制工作推进会召开',
  (o: string) => `${o}开展矿山安全生产专项检查`,
];

function news(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const title = NEWS[i % NEWS.length](ctx.org.shortName);
    return {
      key: `gzdt-${i}`, column: 'gzdt', department: '办公室', topic: TOPICS.general, writtenOn,
      title, docNumber: '',
      summary: `${cnDate(writtenOn)}，${title}。`,
      bodyHtml: paragraphs(
        `${cnDate(writtenOn)}，${title}。${pick(ctx, ['局党组书记、局长', '局党组成员、副局长', '局二级调研员'])}出席并讲话，局机关各科室和局属单位负责同志参加。`,
        `会议（活动）指出，要坚持最严格的耕地保护制度和最严格的节约用地制度，统筹发展和安全，为${ctx.org.place}高质量发展提供自然资源要素保障。`,
        `据统计，本次活动共${pick(ctx, ['发放宣传资料', '接受群众咨询', '排查点位'])}${between(ctx, 80, 2600)}份（人次、处）。`,
      ),
    };
  });
}

export function policyItems(ctx: DemoContext, scale: number): DemoItemSpec[] {
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  return [...(scale >= 1 ? policyDocuments(ctx) : []), ...otherDocuments(ctx, n(10)), ...news(ctx, n(30))];
}
