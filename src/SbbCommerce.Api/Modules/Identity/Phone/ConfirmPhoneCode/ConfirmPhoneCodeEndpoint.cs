using SbbCommerce.Api.Common.Slices;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Erp;

namespace SbbCommerce.Api.Modules.Identity.Phone.ConfirmPhoneCode;

internal static class ConfirmPhoneCodeEndpoint
{
    public static RouteHandlerBuilder MapConfirmPhoneCode(this RouteGroupBuilder me) =>
        me.MapPost("/phone/verification/confirm", HandleAsync)
            .WithName("ConfirmPhoneVerification")
            .WithSummary("Confirm the code: the phone is set and verified.")
            .WithValidation<PhoneVerificationConfirmRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        PhoneVerificationConfirmRequest request, ICurrentUser currentUser, SbbDbContext db, IOutboxWriter outbox, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        var now = timeProvider.GetDatabaseNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked: parallel guesses are counted one after the other, so nobody gets more than 5 tries.
        var verification = await db.Locking<PhoneVerification>($"user_id = {userId} AND closed_at IS NULL ORDER BY created_at DESC LIMIT 1")
            .SingleOrDefaultAsync(cancellationToken);
        if (verification is null || verification.ExpiresAt <= now)
        {
            return PhoneVerificationRules.InvalidCode("No code is waiting; request a new one.");
        }

        if (!string.Equals(PhoneVerificationCodes.Hash(verification.Id, request.Code), verification.CodeHash, StringComparison.Ordinal))
        {
            verification.Attempts++;
            if (verification.Attempts >= PhoneVerificationRules.MaxAttempts)
            {
                verification.ClosedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return PhoneVerificationRules.InvalidCode(verification.ClosedAt is null
                ? $"{PhoneVerificationRules.MaxAttempts - verification.Attempts} tries left."
                : "No tries left; request a new code.");
        }

        verification.ClosedAt = now;
        var user = await db.Set<User>().SingleAsync(u => u.Id == userId, cancellationToken);
        user.Phone = verification.Phone;
        user.PhoneVerified = true;
        user.UpdatedAt = now;
        CustomerUpsert.Enqueue(outbox, user, await db.Set<UserProfile>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken));
        if (!await db.TrySaveUniqueAsync("users_phone_unique", cancellationToken))
        {
            return PhoneVerificationRules.PhoneTaken();
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
