import type { ReactNode } from "react";

interface AlertProps {
  tone?: "error" | "success" | "info";
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}

/**
 * Errors interrupt (role="alert"); success and information wait their turn (role="status").
 * Render the element only when there is something to say, so the announcement fires.
 */
export function Alert({ tone = "error", title, children, action }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children ? <div className="alert__text">{children}</div> : null}
      </div>
      {action ? <div className="alert__action">{action}</div> : null}
    </div>
  );
}
