using SbbCommerce.Api.Modules.Identity.Data;
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
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken);
        var profile = await db.Set<UserProfile>().SingleOrDefaultAsync(p => p.UserId == currentUser.UserId, cancellationToken);
        if (user is null || profile is null)
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("users_phone_unique"))
        {
            return ApiProblems.Conflict(IdentityErrors.PhoneTaken, "This phone number is already registered.");
        }

        return TypedResults.Ok(UserResponse.From(user, profile));
    }
}
