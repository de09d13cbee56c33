using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Erp;

namespace SbbCommerce.Api.Modules.Identity.Phone;

/// <summary>
/// Phone verification by SMS. Sending writes the code's row and an outbox message (destination <c>sms</c>, carrying
/// the row id, never the code) in one transaction, under advisory locks on the user and the number so that parallel
/// requests cannot slip past the rate limits. Confirming checks the newest open code of the user.
/// </summary>
internal static class PhoneVerificationEndpoints
{
    public const string SmsTemplate = "user.phone_verification";
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;

    /// <summary>Codes one user may have sent within <see cref="UserWindow"/>.</summary>
    public const int MaxSendsPerUser = 3;
    public static readonly TimeSpan UserWindow = TimeSpan.FromMinutes(10);

    /// <summary>Codes one number may receive within <see cref="NumberWindow"/>, whoever asks (no SMS bombing).</summary>
    public const int MaxSendsPerNumber = 5;
    public static readonly TimeSpan NumberWindow = TimeSpan.FromHours(1);

    public static RouteGroupBuilder MapPhoneVerification(this RouteGroupBuilder me)
    {
        me.MapPost("/phone/verification", SendAsync)
            .WithName("SendPhoneVerification")
            .WithSummary("Send a 6-digit code by SMS to an E.164 number (10 minutes, 5 tries); 429 when sent too often.")
            .WithValidation<PhoneVerificationRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        me.MapPost("/phone/verification/confirm", ConfirmAsync)
            .WithName("ConfirmPhoneVerification")
            .WithSummary("Confirm the code: the phone is set and verified.")
            .WithValidation<PhoneVerificationConfirmRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return me;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> SendAsync(
        PhoneVerificationRequest request, ICurrentUser currentUser, SbbDbContext db, IOutboxWriter outbox, PhoneVerificationCodes codes,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        var phone = request.Phone;
        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Always the user first, then the number: two requests never wait on each other in opposite orders.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({"phone-user:" + userId.ToString("N")}, 0)), pg_advisory_xact_lock(hashtextextended({"phone-number:" + phone}, 0))",
            cancellationToken);
        if (await db.Set<User>().AnyAsync(u => u.Phone == phone && u.Id != userId, cancellationToken))
        {
            return ApiProblems.Conflict(IdentityErrors.PhoneTaken, "This phone number belongs to another account.");
        }

        var byUser = await db.Set<PhoneVerification>().CountAsync(v => v.UserId == userId && v.CreatedAt > now - UserWindow, cancellationToken);
        var byNumber = await db.Set<PhoneVerification>().CountAsync(v => v.Phone == phone && v.CreatedAt > now - NumberWindow, cancellationToken);
        if (byUser >= MaxSendsPerUser || byNumber >= MaxSendsPerNumber)
        {
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, Common.Problems.ErrorCodes.RateLimited,
                "Too many codes were sent; try again later.",
                byUser >= MaxSendsPerUser ? $"At most {MaxSendsPerUser} codes per {UserWindow.TotalMinutes} minutes." : "This number received too many codes in the last hour.");
        }

        // A newer code supersedes the older ones.
        await db.Set<PhoneVerification>().Where(v => v.UserId == userId && v.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.ClosedAt, now), cancellationToken);
        var id = Guid.CreateVersion7();
        db.Set<PhoneVerification>().Add(new PhoneVerification
        {
            Id = id,
            UserId = userId,
            Phone = phone,
            CodeHash = PhoneVerificationCodes.Hash(id, codes.CodeFor(id)),
            ExpiresAt = now + CodeLifetime,
            CreatedAt = now,
        });
        outbox.Enqueue(OutboxDestinations.Sms, SmsTemplate, new { To = phone, VerificationId = id }, "user", userId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(
        PhoneVerificationConfirmRequest request, ICurrentUser currentUser, SbbDbContext db, IOutboxWriter outbox, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked: parallel guesses are counted one after the other, so nobody gets more than 5 tries.
        var verification = await db.Set<PhoneVerification>()
            .FromSql($"SELECT * FROM phone_verifications WHERE user_id = {userId} AND closed_at IS NULL ORDER BY created_at DESC LIMIT 1 FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (verification is null || verification.ExpiresAt <= now)
        {
            return InvalidCode("No code is waiting; request a new one.");
        }

        if (!string.Equals(PhoneVerificationCodes.Hash(verification.Id, request.Code), verification.CodeHash, StringComparison.Ordinal))
        {
            verification.Attempts++;
            if (verification.Attempts >= MaxAttempts)
            {
                verification.ClosedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return InvalidCode(verification.ClosedAt is null
                ? $"{MaxAttempts - verification.Attempts} tries left."
                : "No tries left; request a new code.");
        }

        verification.ClosedAt = now;
        var user = await db.Set<User>().SingleAsync(u => u.Id == userId, cancellationToken);
        user.Phone = verification.Phone;
        user.PhoneVerified = true;
        user.UpdatedAt = now;
        CustomerUpsert.Enqueue(outbox, user, await db.Set<UserProfile>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("users_phone_unique"))
        {
            return ApiProblems.Conflict(IdentityErrors.PhoneTaken, "This phone number belongs to another account.");
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult InvalidCode(string detail) =>
        ApiProblems.Unprocessable(IdentityErrors.InvalidCode, "The code is wrong or expired.", detail);
}
