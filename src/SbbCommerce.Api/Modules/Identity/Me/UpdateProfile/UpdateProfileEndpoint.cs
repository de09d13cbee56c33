using SbbCommerce.Api.Common.Slices;
using SbbCommerce.Api.Modules.Identity.Erp;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Me.UpdateProfile;

internal static class UpdateProfileEndpoint
{
    public static RouteHandlerBuilder MapUpdateProfile(this RouteGroupBuilder me) =>
        me.MapPatch("/profile", HandleAsync)
            .WithName("UpdateMyProfile")
            .WithSummary("Change profile fields (attribution fields are read-only).")
            .WithValidation<UpdateProfileRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> HandleAsync(
        UpdateProfileRequest request, ICurrentUser currentUser, SbbDbContext db, IOutboxWriter outbox, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (await db.UserWithProfileAsync(currentUser.UserId!.Value, cancellationToken) is not (var user, var profile))
        {
            return ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
        }

        var now = timeProvider.GetDatabaseNow();
        profile.FirstName = request.FirstName?.Trim() ?? profile.FirstName;
        profile.LastName = request.LastName?.Trim() ?? profile.LastName;
        profile.DisplayName = request.DisplayName ?? profile.DisplayName;
        profile.PreferredCurrency = request.PreferredCurrency ?? profile.PreferredCurrency;
        profile.Timezone = request.Timezone ?? profile.Timezone;
        profile.Locale = request.Locale ?? profile.Locale;
        if (request.MarketingConsent is { } marketing && marketing != profile.MarketingConsent)
        {
            profile.MarketingConsent = marketing;
            profile.MarketingConsentAt = marketing ? now : null;
        }

        if (request.SmsConsent is { } sms && sms != profile.SmsConsent)
        {
            profile.SmsConsent = sms;
            profile.SmsConsentAt = sms ? now : null;
        }

        if (request.Phone is not null)
        {
            user.Phone = request.Phone.Length == 0 ? null : request.Phone.Trim();
        }

        profile.UpdatedAt = now;
        user.UpdatedAt = now;
        CustomerUpsert.Enqueue(outbox, user, profile);
        return await db.TrySaveUniqueAsync("users_phone_unique", cancellationToken)
            ? TypedResults.Ok(UserResponse.From(user, profile))
            : ApiProblems.Conflict(IdentityErrors.PhoneTaken, "This phone number is already registered.");
    }
}
