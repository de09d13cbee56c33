using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Modules.Identity.Addresses;
using SbbCommerce.Api.Modules.Identity.Admin;
using SbbCommerce.Api.Modules.Identity.EmailVerification;
using SbbCommerce.Api.Modules.Identity.LinkedAccounts;
using SbbCommerce.Api.Modules.Identity.Login;
using SbbCommerce.Api.Modules.Identity.Logout;
using SbbCommerce.Api.Modules.Identity.Me;
using SbbCommerce.Api.Modules.Identity.OAuth;
using SbbCommerce.Api.Modules.Identity.Passwords;
using SbbCommerce.Api.Modules.Identity.Phone;
using SbbCommerce.Api.Modules.Identity.Refresh;
using SbbCommerce.Api.Modules.Identity.Registration;
using SbbCommerce.Api.Modules.Identity.Sessions;

namespace SbbCommerce.Api.Modules.Identity;

internal static class IdentityEndpoints
{
    /// <summary>Maps the Identity routes: /auth (rate limited per IP), /me (signed in), /admin/users (admins).</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/auth").WithTags("Identity")
            .RequireRateLimiting(RateLimitingModule.AuthPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .MapRegister()
            .MapLogin()
            .MapOAuth()
            .MapRefresh()
            .MapLogout()
            .MapEmailVerification()
            .MapPasswords();
        endpoints.MapGroup("/api/v1/me").WithTags("Identity")
            .RequireAuthorization(Policies.User)
            .MapMe()
            .MapSessions()
            .MapLinkedAccounts()
            .MapPasswordChange()
            .MapPhoneVerification()
            .MapAddresses();
        endpoints.MapGroup("/api/v1/admin").WithTags("Identity (admin)")
            .RequireAuthorization(Policies.Admin)
            .MapAdminUsers();
        return endpoints;
    }
}
