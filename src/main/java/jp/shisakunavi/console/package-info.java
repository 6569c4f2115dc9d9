/**
 * The administrators' console's frame: its layout and navigation, sign-in and refusal pages. Pages of any module
 * join it with a {@link jp.shisakunavi.console.ConsoleController} class that declares a
 * {@link jp.shisakunavi.console.ConsolePage} bean (its navigation entry).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package jp.shisakunavi.console;
