namespace SbbCommerce.Api.Modules.Cart;

/// <summary>What the Cart module did: cart and user ids and counts, never emails or payloads.</summary>
internal static partial class CartLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Cart abandonment run: {Abandoned} carts abandoned ({RecoveryEmails} recovery emails queued), {Expired} expired in {ElapsedMs} ms")]
    public static partial void AbandonmentRun(ILogger logger, int abandoned, int recoveryEmails, int expired, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Anonymous cart {AnonymousCartId} adopted by user {UserId} at login")]
    public static partial void CartAdopted(ILogger logger, Guid anonymousCartId, Guid userId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Anonymous cart {AnonymousCartId} merged into cart {CartId} of user {UserId} at login: {LinesMoved} of {LinesOffered} lines taken")]
    public static partial void CartMerged(ILogger logger, Guid anonymousCartId, Guid cartId, Guid userId, int linesMoved, int linesOffered);
}
