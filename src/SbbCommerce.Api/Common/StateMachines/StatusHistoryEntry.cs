namespace SbbCommerce.Api.Common.StateMachines;

/// <summary>
/// The columns every <c>*_status_history</c> row has: one transition of a <see cref="StateMachine{TStatus}"/>, who made it
/// and why. Each table adds the row it belongs to and its own columns.
/// </summary>
/// <typeparam name="TStatus">The status enum.</typeparam>
internal abstract class StatusHistoryEntry<TStatus>
    where TStatus : struct, Enum
{
    public Guid Id { get; set; }

    /// <summary>The status before; null for the first entry.</summary>
    public TStatus? FromStatus { get; set; }
    public TStatus ToStatus { get; set; }
    public string? Reason { get; set; }

    /// <summary>The user who made the change; null for the system and webhooks.</summary>
    public Guid? ChangedBy { get; set; }

    /// <summary>jsonb: details of the change.</summary>
    public string? Metadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
