namespace SbbCommerce.Api.Modules.Events.Data;

/// <summary>
/// A row of <c>event_visitors</c>, the per-visitor rollup of <c>events</c> (migration 0090, ADR 0008). Written only by
/// the triggers on <c>events</c>; mapped so the model describes the whole schema. The timestamps are null only in the
/// placeholder a writing transaction inserts before it locks the row.
/// </summary>
internal sealed class EventVisitor
{
    /// <summary><c>coalesce(user_id::text, anonymous_id)</c> of the visitor's events.</summary>
    public required string Visitor { get; set; }
    public DateTimeOffset? FirstSeenAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? FirstTouchAt { get; set; }
    public string? FirstTouchSource { get; set; }
    public string? FirstTouchMedium { get; set; }
    public string? FirstTouchCampaign { get; set; }
    public DateTimeOffset? LastTouchAt { get; set; }
    public string? LastTouchSource { get; set; }
    public string? LastTouchMedium { get; set; }
    public string? LastTouchCampaign { get; set; }
    public DateTimeOffset? SignedUpAt { get; set; }
    public DateTimeOffset? ViewedAt { get; set; }
    public DateTimeOffset? AddedAt { get; set; }
    public DateTimeOffset? CheckoutStartedAt { get; set; }
    public DateTimeOffset? CheckoutCompletedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
}
