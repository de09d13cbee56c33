using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Compliance;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Erp;
using SbbCommerce.Api.Modules.Identity.Tokens;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Me;

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder me)
    {
        me.MapGet("", GetAsync).WithName("GetMe").WithSummary("The signed-in user with profile.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPatch("/profile", UpdateProfileAsync)
            .WithName("UpdateMyProfile")
            .WithSummary("Change profile fields (attribution fields are read-only).")
            .WithValidation<UpdateProfileRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        me.MapPost("/age-verification", VerifyAgeAsync)
            .WithName("VerifyMyAge")
            .WithSummary("Verify the age from the date of birth against Compliance:MinimumAge (422 underage).")
            .WithValidation<AgeVerificationRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        me.MapDelete("", DeleteAsync)
            .WithName("DeleteMe")
            .WithSummary("Soft-delete the account: status deleted, sessions revoked, data kept for compliance.");
        return me;
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        if (await db.UserResponseAsync(userId, cancellationToken) is not { } user)
        {
            return ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
        }

        var linked = await LinkedAccounts.LinkedAccountEndpoints.LinkedAsync(db, userId, cancellationToken);
        var hasPassword = await db.Set<User>().AnyAsync(u => u.Id == userId && u.PasswordHash != null, cancellationToken);
        return TypedResults.Ok(user with { LinkedProviders = linked.Select(l => l.Provider).ToList(), HasPassword = hasPassword });
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateProfileAsync(
        UpdateProfileRequest request, ICurrentUser currentUser, SbbDbContext db, IOutboxWriter outbox, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken);
        var profile = await db.Set<UserProfile>().SingleOrDefaultAsync(p => p.UserId == currentUser.UserId, cancellationToken);
        if (user is null || profile is null)
        {
            return ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
        }

        var now = timeProvider.GetUtcNow();
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

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> VerifyAgeAsync(
        AgeVerificationRequest request, ICurrentUser currentUser, SbbDbContext db, IOptions<ComplianceOptions> compliance,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken);
        var profile = await db.Set<UserProfile>().SingleOrDefaultAsync(p => p.UserId == currentUser.UserId, cancellationToken);
        if (user is null || profile is null)
        {
            return ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
        }

        var now = timeProvider.GetUtcNow();
        var age = ComplianceOptions.AgeOn(request.DateOfBirth, DateOnly.FromDateTime(now.UtcDateTime));
        if (age < compliance.Value.MinimumAge)
        {
            return ApiProblems.Unprocessable(IdentityErrors.Underage, "You are under the minimum age to buy here.",
                $"The minimum age is {compliance.Value.MinimumAge}.",
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["minimumAge"] = compliance.Value.MinimumAge });
        }

        profile.DateOfBirth = request.DateOfBirth;
        profile.UpdatedAt = now;
        user.AgeVerified = true;
        user.AgeVerifiedAt = now;
        user.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UserResponse.From(user, profile));
    }

    private static async Task<NoContent> DeleteAsync(
        ICurrentUser currentUser, SbbDbContext db, SessionService sessions, SessionGate gate, IAuditWriter audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Set<User>().SingleAsync(u => u.Id == currentUser.UserId, cancellationToken);
        var previous = user.Status;
        var now = timeProvider.GetUtcNow();
        user.Status = UserStatus.Deleted;
        user.DeletedAt = now;
        user.UpdatedAt = now;
        audit.Record("user.deleted_by_self", "user", user.Id, new { Status = previous }, new { user.Status });
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, "account_deleted", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        gate.Forget(user.Id);
        return TypedResults.NoContent();
    }
}
