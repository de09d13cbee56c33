using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Registration;

/// <summary>
/// One transaction: the user (pending_verification), its profile with consents and attribution, a hashed
/// email-verification token, the verification message and the ERP customer.upsert in the outbox, and the
/// user.signup.completed event. A concurrent registration of the same email gets 409, never a 500.
/// </summary>
internal sealed class RegisterHandler(
    SbbDbContext db,
    IPasswordHasher hasher,
    AccountOpening opening,
    TimeProvider timeProvider,
    ILogger<RegisterHandler> logger)
{
    public async Task<Results<Created<UserResponse>, ProblemHttpResult>> HandleAsync(
        RegisterRequest request, string? anonymousId, RequestContext context, CancellationToken cancellationToken)
    {
        var email = UserQueries.NormalizeEmail(request.Email);
        if (await db.Set<User>().AnyAsync(u => u.Email == email, cancellationToken))
        {
            return EmailTaken();
        }

        var now = timeProvider.GetDatabaseNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
            PasswordHash = hasher.Hash(request.Password),
            Role = UserRole.Customer,
            Status = UserStatus.PendingVerification,
            KycStatus = "not_required",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var profile = SignupProfile.New(user.Id, request.FirstName.Trim(), request.LastName.Trim(), request.DateOfBirth, request, now);
        opening.Add(user, profile, new { request.UtmSource, request.UtmMedium, request.UtmCampaign }, anonymousId, context);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("users_email_unique"))
        {
            return EmailTaken();
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("users_phone_unique"))
        {
            return ApiProblems.Conflict(IdentityErrors.PhoneTaken, "This phone number is already registered.");
        }

        IdentityLog.Registered(logger, user.Id);
        return TypedResults.Created("/api/v1/me", UserResponse.From(user, profile));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult EmailTaken() =>
        ApiProblems.Conflict(IdentityErrors.EmailTaken, "An account with this email already exists.");
}
