// POST /auth: trades login + password for the user token (partner token alone authorizes the call).
import { fail, ok, type Route } from "../http.js";

export const authRoutes: Route[] = [
  {
    method: "POST",
    template: "/auth",
    auth: "partner",
    handle(ctx) {
      const body = (ctx.body ?? {}) as { login?: unknown; password?: unknown };
      const user = [...ctx.state.users.values()].find(
        (u) =>
          (u.login === body.login || u.email === body.login || u.phone === body.login) &&
          u.password === body.password,
      );
      // The vendor documents no dedicated status for bad credentials; 401 is what a client can act on.
      if (!user) return fail(401, "Incorrect login or password.");
      if (user.blocked) return fail(403, "Access denied.");
      const data = {
        id: user.id,
        user_token: user.user_token,
        name: user.name,
        phone: user.phone,
        login: user.login,
        email: user.email,
        avatar: user.avatar,
        is_approved: user.is_approved,
        is_email_confirmed: user.is_email_confirmed,
      };
      return ok(data, [], 201);
    },
  },
];
