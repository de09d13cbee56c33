using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity;

/// <summary>What the Identity module did: user, session and family ids, reasons and counts; never emails, passwords or tokens.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "User {UserId} signed in with a password")]
    public static partial void LoggedIn(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Password sign-in refused ({Reason}) for user {UserId}")]
    public static partial void LoginRefused(ILogger logger, Guid? userId, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "User {UserId} registered")]
    public static partial void Registered(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "User {UserId} signed in with {Provider}: {Action}")]
    public static partial void SignedInWithProvider(ILogger logger, Guid userId, AuthProvider provider, string action);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning,
        Message = "Refresh token of session family {FamilyId} used twice: the family is revoked")]
    public static partial void RefreshTokenReused(ILogger logger, Guid familyId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "{Revoked} sessions of {Scope} {Id} revoked ({Reason})")]
    public static partial void SessionsRevoked(ILogger logger, int revoked, string scope, Guid id, string reason);
}
