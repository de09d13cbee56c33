namespace SbbCommerce.Api.Common.Paging;

/// <summary>Reads the keyset cursor of a list route, adding a validation error for one it cannot decode.</summary>
internal static class CursorReader
{
    public static CreatedIdCursor? Read(PageRequest page, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (page.Cursor is null)
        {
            return null;
        }

        if (KeysetCursor.TryDecode<CreatedIdCursor>(page.Cursor, out var after))
        {
            return after; // its timestamp read as UTC (KeysetCursor)
        }

        errors[Problems.ApiProblems.CursorField] = ["The cursor is not valid."];
        return null;
    }
}
