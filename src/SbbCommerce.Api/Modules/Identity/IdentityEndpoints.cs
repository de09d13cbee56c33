using SbbCommerce.Api.Modules.Identity.Addresses.CreateAddress;
using SbbCommerce.Api.Modules.Identity.Addresses.DeleteAddress;
using SbbCommerce.Api.Modules.Identity.Addresses.ListAddresses;
using SbbCommerce.Api.Modules.Identity.Addresses.UpdateAddress;
using SbbCommerce.Api.Modules.Identity.Admin.DecideKyc;
using SbbCommerce.Api.Modules.Identity.Admin.GetUser;
using SbbCommerce.Api.Modules.Identity.Admin.SearchUsers;
using SbbCommerce.Api.Modules.Identity.Admin.UpdateUser;
using SbbCommerce.Api.Modules.Identity.EmailVerification.ResendVerificationEmail;
using SbbCommerce.Api.Modules.Identity.EmailVerification.VerifyEmail;
using SbbCommerce.Api.Modules.Identity.LinkedAccounts.ChangePassword;
using SbbCommerce.Api.Modules.Identity.LinkedAccounts.LinkAccount;
using SbbCommerce.Api.Modules.Identity.LinkedAccounts.ListLinkedAccounts;
using SbbCommerce.Api.Modules.Identity.LinkedAccounts.UnlinkAccount;
using SbbCommerce.Api.Modules.Identity.Login;
using SbbCommerce.Api.Modules.Identity.Logout;
using SbbCommerce.Api.Modules.Identity.Me.DeleteMe;
using SbbCommerce.Api.Modules.Identity.Me.GetMe;
using SbbCommerce.Api.Modules.Identity.Me.UpdateProfile;
using SbbCommerce.Api.Modules.Identity.Me.VerifyAge;
using SbbCommerce.Api.Modules.Identity.OAuth;
using SbbCommerce.Api.Modules.Identity.Passwords.ForgotPassword;
using SbbCommerce.Api.Modules.Identity.Passwords.ResetPassword;
using SbbCommerce.Api.Modules.Identity.Phone.ConfirmPhoneCode;
using SbbCommerce.Api.Modules.Identity.Phone.SendPhoneCode;
using SbbCommerce.Api.Modules.Identity.Refresh;
using SbbCommerce.Api.Modules.Identity.Registration;
using SbbCommerce.Api.Modules.Identity.Sessions.ListSessions;
using SbbCommerce.Api.Modules.Identity.Sessions.RevokeSession;

namespace SbbCommerce.Api.Modules.Identity;

internal static class IdentityEndpoints
{
    /// <summary>Maps the Identity routes: /auth (rate limited per IP), /me (signed in), /admin/users (admins).</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Identity")
            .RequireRateLimiting(RateLimitingModule.AuthPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapRegister();
        auth.MapLogin();
        auth.MapOAuth();
        auth.MapRefresh();
        auth.MapLogout();
        auth.MapVerifyEmail();
        auth.MapResendVerificationEmail();
        auth.MapForgotPassword();
        auth.MapResetPassword();
        var me = endpoints.MapGroup("/api/v1/me").WithTags("Identity")
            .RequireAuthorization(Policies.User);
        me.MapGetMe();
        me.MapUpdateProfile();
        me.MapVerifyAge();
        me.MapDeleteMe();
        me.MapListSessions();
        me.MapRevokeSession();
        me.MapListLinkedAccounts();
        me.MapLinkAccount();
        me.MapUnlinkAccount();
        me.MapChangePassword();
        me.MapSendPhoneCode();
        me.MapConfirmPhoneCode();
        me.MapListAddresses();
        me.MapCreateAddress();
        me.MapUpdateAddress();
        me.MapDeleteAddress();
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Identity (admin)")
            .RequireAuthorization(Policies.Admin);
        admin.MapSearchUsers();
        admin.MapGetUser();
        admin.MapUpdateUser();
        admin.MapDecideKyc();
        return endpoints;
    }
}
