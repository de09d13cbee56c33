namespace SbbCommerce.Api.Modules.Orders.OrderNotes;

/// <summary>Internal notes (never shown to the customer).</summary>
/// <param name="InternalNotes">The notes.</param>
internal sealed record OrderNotesRequest(string? InternalNotes);
