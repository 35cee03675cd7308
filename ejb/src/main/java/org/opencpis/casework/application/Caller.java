package org.opencpis.casework.application;

/** The council user making a request, as the channel authenticated them. */
public record Caller(String username) {}
