using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Erp;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.Registration;

/// <summary>
/// What every new account writes, registration or a first provider sign-in, in the caller's transaction: the user and
/// profile rows, the verification message while the email is unverified, the ERP customer.upsert and the
/// user.signup.completed event.
/// </summary>
internal sealed class AccountOpening(SbbDbContext db, UserTokenService tokens, IOutboxWriter outbox, IEventRecorder events)
{
    /// <param name="user">The new user.</param>
    /// <param name="profile">Its profile (<see cref="SignupProfile.New"/>).</param>
    /// <param name="signupProperties">The properties of the signup event (attribution, the method).</param>
    /// <param name="anonymousId">The visitor who signed up, if known.</param>
    /// <param name="context">The request's ip and user agent, for the event.</param>
    public void Add(User user, UserProfile profile, object signupProperties, string? anonymousId, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(user);
        db.Set<User>().Add(user);
        db.Set<UserProfile>().Add(profile);
        if (!user.EmailVerified)
        {
            // Nobody vouched for the address yet (a provider may have): we verify it ourselves.
            var tokenId = tokens.Issue(user.Id, UserTokenPurpose.EmailVerification);
            IdentityEmails.Enqueue(outbox, IdentityEmails.EmailVerification, user.Id, user.Email, tokenId);
        }

        CustomerUpsert.Enqueue(outbox, user, profile);
        events.Record(new ServerEvent("user.signup.completed")
        {
            UserId = user.Id,
            AnonymousId = anonymousId,
            Properties = signupProperties,
        }.WithRequest(context));
    }
}
