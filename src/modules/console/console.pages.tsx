// Console pages that belong to no page group: the error page (403, 404, other refusals).
import { ConsoleLayout, type PageContext } from './console.layout.tsx';

export function ErrorPage(props: { ctx: PageContext; status: number; code: string; message: string; requestId: string }) {
  const title = props.status === 403 ? '没有访问权限' : props.status === 404 ? '页面或记录不存在' : '无法完成操作';
  return (
    <ConsoleLayout ctx={props.ctx} title={title}>
      <p>{props.message}</p>
      <p class="muted">错误代码 {props.status} · {props.code} · 请求编号 {props.requestId}</p>
      <p><a href="/console">返回我的待办</a></p>
    </ConsoleLayout>
  );
}
