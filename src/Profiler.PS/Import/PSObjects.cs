using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Profiler.PS.Import
{
    /// <summary>Reading the members of tools' result objects (PSCustomObjects, so only by name), with their types checked.</summary>
    internal static class PSObjects
    {
        /// <summary>The member's value, unwrapped from PSObject; null when absent.</summary>
        public static object Get(object target, string name)
        {
            if (target == null) return null;
            PSPropertyInfo property = PSObject.AsPSObject(target).Properties[name];
            object value = property?.Value;
            return value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
        }

        public static bool Has(object target, string name) => target != null && PSObject.AsPSObject(target).Properties[name] != null;

        public static string String(object target, string name) => Get(target, name)?.ToString();

        /// <summary>A TimeSpan member in milliseconds.</summary>
        /// <exception cref="FormatException">It is missing or not a TimeSpan.</exception>
        public static double Milliseconds(object target, string name, string what)
        {
            if (Get(target, name) is TimeSpan t) return t.TotalMilliseconds;
            throw new FormatException($"{what} has no {name} time (a TimeSpan).");
        }

        /// <summary>A DateTime member as a DateTimeOffset (a local or unspecified time in this machine's zone); null when absent.</summary>
        public static DateTimeOffset? Time(object target, string name)
        {
            object value = Get(target, name);
            if (value is DateTimeOffset o) return o;
            if (value is DateTime d) return d.Kind == DateTimeKind.Utc ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Local));
            return null;
        }

        /// <summary>The items of a list member; none when absent.</summary>
        public static IEnumerable<object> Items(object target, string name)
        {
            object value = Get(target, name);
            if (value == null || value is string) yield break;
            if (!(value is IEnumerable list)) { yield return value; yield break; }
            foreach (object item in list) if (item != null) yield return item is PSObject p && !(p.BaseObject is PSCustomObject) ? p.BaseObject : item;
        }

        /// <summary>True when the object's type names (PSTypeNames) include <paramref name="typeName"/>.</summary>
        public static bool IsType(object target, string typeName) => target != null && PSObject.AsPSObject(target).TypeNames.Contains(typeName);
    }
}
