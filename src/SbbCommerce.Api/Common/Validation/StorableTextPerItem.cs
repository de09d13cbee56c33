namespace SbbCommerce.Api.Common.Validation;

/// <summary>
/// Endpoint metadata: the route's JSON body is a list of items accepted or refused one by one, so the route checks each
/// item's text itself (<see cref="StorableText.FindUnstorable"/> on the item) and <see cref="StorableTextMiddleware"/>
/// leaves the body alone. One bad item must not refuse its batch, and a burst's bodies are not buffered and read twice.
/// The query string and route values are still checked by the middleware.
/// </summary>
internal sealed class StorableTextPerItem
{
    public static readonly StorableTextPerItem Instance = new();

    private StorableTextPerItem()
    {
    }
}

internal static class StorableTextPerItemExtensions
{
    /// <summary>Marks a route that checks the storable text of its body's items itself (see <see cref="StorableTextPerItem"/>).</summary>
    public static RouteHandlerBuilder ChecksStorableTextPerItem(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(StorableTextPerItem.Instance);
}
