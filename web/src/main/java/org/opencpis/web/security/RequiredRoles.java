package org.opencpis.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which roles the refused call needed, read from the application service's {@code @RolesAllowed}
 * (the only place they are declared), so a refusal can say what would have been allowed.
 */
public final class RequiredRoles {

  /** WildFly's refusal names the method: "Invocation on method: public T a.b.C.m(P) of bean: C". */
  private static final Pattern METHOD =
      Pattern.compile("method: .*?([\\w.$]+)\\.([\\w$]+)\\(([^)]*)\\) of bean");

  private RequiredRoles() {}

  /** The roles, e.g. "B0107 or B0170", or null when the refusal does not say which method. */
  public static String of(EJBAccessException e) {
    Matcher m = METHOD.matcher(String.valueOf(e.getMessage()));
    if (!m.find()) {
      return null;
    }
    try {
      Class<?> bean = Class.forName(m.group(1), false, RequiredRoles.class.getClassLoader());
      int arity = m.group(3).isBlank() ? 0 : m.group(3).split(",").length;
      RolesAllowed roles =
          Arrays.stream(bean.getMethods())
              .filter(x -> x.getName().equals(m.group(2)) && x.getParameterCount() == arity)
              .map((Method x) -> x.getAnnotation(RolesAllowed.class))
              .filter(r -> r != null)
              .findFirst()
              .orElse(bean.getAnnotation(RolesAllowed.class));
      return roles == null ? null : String.join(" or ", List.of(roles.value()));
    } catch (ClassNotFoundException | LinkageError ex) {
      return null;
    }
  }

  /** "user 'x' needs the role R to <what>", or without the role when it cannot be told. */
  public static String message(String user, EJBAccessException e, String what) {
    String roles = of(e);
    return "user '"
        + (user == null ? "anonymous" : user)
        + "' "
        + (roles == null ? "does not hold a role that may " : "needs the role " + roles + " to ")
        + what;
  }
}
