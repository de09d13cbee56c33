namespace SbbCommerce.Api.Modules.Integration.Views;

/// <summary>The <c>?status=</c>, <c>?limit=</c> and <c>?cursor=</c> of the outbox and inbox lists, read alike.</summary>
internal sealed record MessageListQuery(PageRequest Page, CreatedIdCursor? After)
{
    /// <summary>Adds a validation error per bad parameter to <paramref name="errors"/>.</summary>
    public static MessageListQuery Read(string? status, IReadOnlyList<string> statuses, int? limit, string? cursor, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (status is not null && !statuses.Contains(status))
        {
            errors["status"] = [$"One of {string.Join(", ", statuses)}."];
        }

        var page = PageRequest.From(limit, cursor);
        return new MessageListQuery(page, CursorReader.Read(page, errors));
    }
}
