namespace SbbCommerce.Api.Common.StateMachines;

/// <summary>Who changed a status: the <c>changed_by_type</c> / <c>performed_by_type</c> columns.</summary>
public static class ActorType
{
    public const string System = "system";
    public const string Admin = "admin";
    public const string Customer = "customer";
    public const string Webhook = "webhook";
}

/// <summary>The actor of a status change: a user id (null for the system) and its type.</summary>
/// <param name="UserId">The user, or null for the system and webhooks.</param>
/// <param name="Type">One of <see cref="ActorType"/>.</param>
public sealed record StatusActor(Guid? UserId, string Type)
{
    public static readonly StatusActor System = new(null, ActorType.System);

    public static StatusActor Admin(Guid userId) => new(userId, ActorType.Admin);

    public static StatusActor Customer(Guid userId) => new(userId, ActorType.Customer);
}
