using SbbCommerce.Api.Common.Compliance;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Me.VerifyAge;

internal static class VerifyAgeEndpoint
{
    public static RouteHandlerBuilder MapVerifyAge(this RouteGroupBuilder me) =>
        me.MapPost("/age-verification", HandleAsync)
            .WithName("VerifyMyAge")
            .WithSummary("Verify the age from the date of birth against Compliance:MinimumAge (422 underage).")
            .WithValidation<AgeVerificationRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> HandleAsync(
        AgeVerificationRequest request, ICurrentUser currentUser, SbbDbContext db, IOptions<ComplianceOptions> compliance,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await db.UserWithProfileAsync(currentUser.UserId!.Value, cancellationToken) is not (var user, var profile))
        {
            return ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
        }

        var now = timeProvider.GetDatabaseNow();
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
}
