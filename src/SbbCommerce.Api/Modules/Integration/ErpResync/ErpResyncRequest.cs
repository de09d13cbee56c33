namespace SbbCommerce.Api.Modules.Integration.ErpResync;

/// <summary>Which record to send to the ERP again.</summary>
/// <param name="EntityType"><c>customer</c>, <c>item</c>, <c>order</c>, <c>payment</c> or <c>refund</c>.</param>
/// <param name="EntityId">Its id.</param>
internal sealed record ErpResyncRequest(string EntityType, Guid EntityId);

/// <summary>The record whose sync was queued.</summary>
internal sealed record ErpResyncResponse(string EntityType, Guid EntityId, bool Queued);
