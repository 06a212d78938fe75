// 政府信息公开指南, generated from the agency's own data and catalog so that it stays current
// (条例 第十二条: the guide states how information is classified and arranged, how to get it,
// and the office's name, address, hours, phone, fax and internet contact).
import type { ColumnNode } from '../catalog/index.ts';
import { portalHref, QrCode } from './components.tsx';
import { Layout } from './layout.tsx';
import type { PortalContext, ReadingRoom } from './portal.service.ts';

export interface GuideData {
  officeName: string;
  parentAgencyName: string | null;
  readingRooms: ReadingRoom[];
}

/** 国办函〔2020〕109号: processing fees only above these volumes, charged per request or per page. */
const FEE_PER_REQUEST = [
  ['1—10 件', '不收费'],
  ['11—30 件', '每件 100 元'],
  ['31—40 件', '每件 200 元'],
  ['41—50 件', '每件 300 元'],
  ['51 件以上', '以此类推，每增加 10 件，每件加收 100 元'],
] as const;
const FEE_PER_PAGE = [
  ['1—30 页', '不收费'],
  ['31—100 页', '每页 10 元'],
  ['101—200 页', '每页 20 元'],
  ['201 页以上', '每页 40 元'],
] as const;

function ColumnOutline({ nodes }: { nodes: ColumnNode[] }) {
  return (
    <ul>
      {nodes.map((n) => (
        <li>
          {n.name}
          {n.children.length > 0 && <ColumnOutline nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

function FeeTable({ caption, unit, rows }: { caption: string; unit: string; rows: readonly (readonly [string, string])[] }) {
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{unit}</th>
          <th scope="col">收费标准</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([range, fee]) => (
          <tr>
            <th scope="row">{range}</th>
            <td>{fee}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OfficeContacts({ ctx, data }: { ctx: PortalContext; data: GuideData }) {
  const a = ctx.agency;
  const rows: [string, string][] = [
    ['受理机构', `${a.name}${data.officeName}`],
    ['通信地址', a.address],
    ['邮政编码', a.postcode],
    ['办公时间', a.officeHours],
    ['联系电话', a.phone],
    ['传真', a.fax],
    ['电子邮箱', a.email],
    ['网站', a.website],
  ];
  return (
    <table class="data-table">
      <caption>政府信息公开工作机构</caption>
      <tbody>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function GuidePage({ ctx, data }: { ctx: PortalContext; data: GuideData }) {
  const a = ctx.agency;
  const example = `${a.creditCode}/2025-00001`;
  return (
    <Layout ctx={ctx} title="政府信息公开指南" crumbs={[{ label: '政府信息公开指南' }]} nav="guide">
      <h1 class="page-title">{a.name}政府信息公开指南</h1>
      <p class="lead">
        根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。本指南依据本机关的机构信息和
        <a href={portalHref(ctx, '/catalog')}>政府信息公开目录</a>生成，随目录调整同步更新。
      </p>

      <section class="guide-section" aria-labelledby="guide-proactive">
        <h2 id="guide-proactive">一、主动公开</h2>
        <h3>（一）公开范围</h3>
        <p>本机关依照《条例》第十九条、第二十条、第二十一条的规定主动公开政府信息，包括机构职能、规范性文件、规划计划、行政许可和行政处罚、土地征收等信息。</p>
        <h3>（二）信息分类与编排体系</h3>
        <p>主动公开的政府信息按照政府信息公开目录的栏目分类编排。目录包括以下栏目：</p>
        {ctx.columns.length ? <ColumnOutline nodes={ctx.columns} /> : <p>目录栏目正在编制中。</p>}
        <p>
          每条信息列明索引号、主题分类、发文机关、成文日期、标题、发文字号、发布日期和有效性。索引号由本机关统一社会信用代码、年份和顺序号组成，例如“{example}”。
        </p>
        <h3>（三）获取方式</h3>
        <p>
          本网站是本机关主动公开政府信息的主要平台，提供检索、查阅和下载服务（《条例》第二十四条），可以通过
          <a href={portalHref(ctx, '/catalog')}>信息公开目录</a>查阅，或使用<a href={portalHref(ctx, '/search')}>站内搜索</a>检索。
        </p>
        {data.readingRooms.length > 0 && (
          <>
            <p>也可以到以下查阅场所免费查阅：</p>
            <table class="data-table">
              <caption>政府信息查阅场所</caption>
              <thead>
                <tr>
                  <th scope="col">名称</th>
                  <th scope="col">地址</th>
                  <th scope="col">开放时间</th>
                </tr>
              </thead>
              <tbody>
                {data.readingRooms.map((r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td>{r.address}</td>
                    <td>{r.hours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <h3>（四）公开时限</h3>
        <p>属于主动公开范围的政府信息，自该信息形成或者变更之日起 20 个工作日内予以公开（《条例》第二十六条）。</p>
      </section>

      <section class="guide-section" aria-labelledby="guide-request">
        <h2 id="guide-request">二、依申请公开</h2>
        <p>除本机关主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取相关政府信息（《条例》第二十七条）。</p>
        <h3>（一）受理机构</h3>
        <OfficeContacts ctx={ctx} data={data} />
        <h3>（二）申请方式</h3>
        <p>
          申请应当采用书面形式（包括信件、传真、电子邮件等数据电文形式）；采用书面形式确有困难的，可以口头提出，由受理机构代为填写政府信息公开申请（《条例》第二十九条）。
        </p>
        <h3>（三）申请内容</h3>
        <p>政府信息公开申请应当包括下列内容（《条例》第二十九条）：</p>
        <ol>
          <li>申请人的姓名或者名称、身份证明、联系方式；</li>
          <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
          <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
        </ol>
        <h3>（四）收到申请的时间</h3>
        <p>
          当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为收到申请之日，以平常信函等无需签收的方式提交的，本机关于收到申请的当日与申请人确认，确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。
        </p>
        <h3>（五）补正</h3>
        <p>
          申请内容不明确的，本机关自收到申请之日起 7 个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请（《条例》第三十条）。
        </p>
        <h3>（六）答复期限</h3>
        <p>
          能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日。征求第三方和其他机关意见所需时间不计算在答复期限内（《条例》第三十三条）。
        </p>
        <h3>（七）收费</h3>
        <p>
          本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，按件或者按量计收，二者择一，不重复计收（《条例》第四十二条）：
        </p>
        <FeeTable caption="按件计收（同一申请人一个自然月内累计申请）" unit="申请件数" rows={FEE_PER_REQUEST} />
        <FeeTable caption="按量计收（同一申请）" unit="提供信息页数" rows={FEE_PER_PAGE} />
        <p>申请人应当自收到收费通知的次日起 20 个工作日内缴纳费用，逾期未缴纳的视为放弃申请。确有经济困难的，可以申请减免。</p>
      </section>

      <section class="guide-section" aria-labelledby="guide-remedy">
        <h2 id="guide-remedy">三、监督和救济</h2>
        <p>
          公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向
          {data.parentAgencyName ? `上一级行政机关（${data.parentAgencyName}）` : '上一级行政机关'}
          或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）：
        </p>
        <ul>
          <li>申请行政复议：自知道或者应当知道该行政行为之日起 60 日内提出。自 2024 年 1 月 1 日起，对县级以上地方人民政府工作部门的行为不服的，向本级人民政府申请行政复议。</li>
          <li>提起行政诉讼：自知道或者应当知道作出行政行为之日起 6 个月内提出。</li>
        </ul>
      </section>
      <QrCode path={portalHref(ctx, '/guide')} label="用手机扫描二维码查看本指南" />
    </Layout>
  );
}
