using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Phone.SendPhoneCode;

internal static class SendPhoneCodeEndpoint
{
    public static RouteHandlerBuilder MapSendPhoneCode(this RouteGroupBuilder me) =>
        me.MapPost("/phone/verification", HandleAsync)
            .WithName("SendPhoneVerification")
            .WithSummary("Send a 6-digit code by SMS to an E.164 number (10 minutes, 5 tries); 429 when sent too often.")
            .WithValidation<PhoneVerificationRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        PhoneVerificationRequest request, ICurrentUser currentUser, SbbDbContext db, IOutboxWriter outbox, PhoneVerificationCodes codes,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        var phone = request.Phone;
        var now = timeProvider.GetDatabaseNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Always the user first, then the number: two requests never wait on each other in opposite orders.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({"phone-user:" + userId.ToString("N")}, 0)), pg_advisory_xact_lock(hashtextextended({"phone-number:" + phone}, 0))",
            cancellationToken);
        if (await db.Set<User>().AnyAsync(u => u.Phone == phone && u.Id != userId, cancellationToken))
        {
            return PhoneVerificationRules.PhoneTaken();
        }

        var byUser = await db.Set<PhoneVerification>().CountAsync(v => v.UserId == userId && v.CreatedAt > now - PhoneVerificationRules.UserWindow, cancellationToken);
        var byNumber = await db.Set<PhoneVerification>().CountAsync(v => v.Phone == phone && v.CreatedAt > now - PhoneVerificationRules.NumberWindow, cancellationToken);
        if (byUser >= PhoneVerificationRules.MaxSendsPerUser || byNumber >= PhoneVerificationRules.MaxSendsPerNumber)
        {
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, Common.Problems.ErrorCodes.RateLimited,
                "Too many codes were sent; try again later.",
                byUser >= PhoneVerificationRules.MaxSendsPerUser ? $"At most {PhoneVerificationRules.MaxSendsPerUser} codes per {PhoneVerificationRules.UserWindow.TotalMinutes} minutes." : "This number received too many codes in the last hour.");
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
            ExpiresAt = now + PhoneVerificationRules.CodeLifetime,
            CreatedAt = now,
        });
        outbox.Enqueue(OutboxDestinations.Sms, PhoneVerificationRules.SmsTemplate, new { To = phone, VerificationId = id }, "user", userId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
