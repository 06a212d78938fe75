// The footer every Chinese government site carries (UX.md; 政府网站发展指引 国办发〔2017〕47号):
// 主办单位, 承办单位, contact, 网站标识码, ICP备案号, 公安机关备案号 with its link, the 党政机关网站
// 标识 slot and 我为政府网站找错. Values come from configuration (SITE_* variables), falling back
// to the agency's own record.
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { SiteInfo } from '../../config.ts';
import type { PortalContext } from './portal.service.ts';
import { PortalViewContext } from './view.ts';

const ICP_URL = 'https://beian.miit.gov.cn/';
/** The national error-report platform (找错) takes the site's 网站标识码. */
const NATIONAL_ERROR_REPORT = 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html';

/** The public-security filing link carries the filing number's digits. */
export function psbHref(psb: string): string {
  const code = /\d{10,}/.exec(psb)?.[0];
  return code ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}` : 'https://beian.mps.gov.cn/';
}

export function errorReportHref(site: SiteInfo, agencyEmail: string | null | undefined): string | null {
  if (site.errorReportUrl) return site.errorReportUrl;
  if (site.siteCode) return `${NATIONAL_ERROR_REPORT}?site_code=${encodeURIComponent(site.siteCode)}`;
  if (agencyEmail) return `mailto:${agencyEmail}?subject=${encodeURIComponent('我为政府网站找错')}`;
  return null;
}

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SiteFooter({ ctx }: { ctx: PortalContext | null }) {
  const { site } = useContext(PortalViewContext);
  const a = ctx?.agency;
  const organizer = site.organizer || a?.name || '';
  const report = errorReportHref(site, a?.email);
  return (
    <footer class="site-footer">
      <div class="container">
        <dl class="footer-facts">
          {organizer && <Fact term="主办单位">{organizer}</Fact>}
          {site.undertaker && <Fact term="承办单位">{site.undertaker}</Fact>}
          {a?.address && (
            <Fact term="地址">
              {a.address}
              {a.postcode && `（邮编 ${a.postcode}）`}
            </Fact>
          )}
          {(site.contact || a?.phone) && <Fact term="联系方式">{site.contact || a?.phone}</Fact>}
          {a?.officeHours && <Fact term="办公时间">{a.officeHours}</Fact>}
          {site.siteCode && <Fact term="网站标识码">{site.siteCode}</Fact>}
          {site.icp && (
            <Fact term="ICP备案号">
              <a href={ICP_URL} rel="noopener">{site.icp}</a>
            </Fact>
          )}
          {site.psb && (
            <Fact term="公安机关备案号">
              <a href={psbHref(site.psb)} rel="noopener">{site.psb}</a>
            </Fact>
          )}
        </dl>
        <ul class="footer-links">
          {report && (
            <li>
              <a href={report}>我为政府网站找错</a>
            </li>
          )}
          {site.conacUrl && (
            <li>
              <a class="conac-mark" href={site.conacUrl} rel="noopener">党政机关网站标识</a>
            </li>
          )}
          <li>网站支持IPv6</li>
        </ul>
      </div>
    </footer>
  );
}
